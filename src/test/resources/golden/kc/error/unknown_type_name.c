// expect: 2:14: error: unknown type name 'widget_t'
static int f(widget_t v)
{
    return 0;
}

int main(void)
{
    return 0;
}
