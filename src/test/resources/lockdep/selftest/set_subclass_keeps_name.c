/* lockdep_set_subclass() re-keys the map to a subclass but keeps its name: the class of the new subclass is named after the lock, not after the macro's argument text */
#include "selftest.h"

static void scenario(void)
{
    const char *before = mutex_X1.dep_map.name;

    lockdep_set_subclass(&mutex_X1, SINGLE_DEPTH_NESTING);
    WARN_ON(mutex_X1.dep_map.name != before);
    ML(X1);
    ML(X2);
    MU(X2);
    MU(X1);
}

module_init(selftest_init);
