#include <stdio.h>
#include "pp_header_guard.h"
#include "pp_header_guard.h"   /* second include is a no-op thanks to the guard */
#include "pp_header_guard.h"

int main(void)
{
    struct guarded g = {GUARD_MAGIC, 6};
    printf("magic %#x sum %d count %d\n", GUARD_MAGIC, guarded_sum(&g), include_count);
#ifdef PP_HEADER_GUARD_H
    printf("guard macro visible\n");
#endif
    return 0;
}
