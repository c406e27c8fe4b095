#include <stdio.h>

#define VERSION 3
#define FEATURE_X
#define ZERO 0

int main(void)
{
#if VERSION >= 3 && defined(FEATURE_X)
    printf("version >= 3 with X\n");
#elif VERSION == 2
    printf("version 2\n");
#else
    printf("old\n");
#endif

#if VERSION * 2 == 6 || UNDEFINED_NAME
    printf("arithmetic in #if, undefined names are 0\n");
#endif

#if UNDEFINED_NAME
    printf("not printed\n");
#elif defined FEATURE_Y
    printf("not printed either\n");
#elif !defined(FEATURE_Y) && (1 << 4) == 16
    printf("elif with !defined and shift\n");
#endif

#ifdef FEATURE_X
    printf("ifdef FEATURE_X\n");
#endif
#ifndef FEATURE_Y
    printf("ifndef FEATURE_Y\n");
#endif
#undef FEATURE_X
#ifdef FEATURE_X
    printf("still defined?\n");
#else
    printf("FEATURE_X undefined now\n");
#endif

#if 0
    this is not C at all ' unbalanced " quote
    #garbage directive
    int = = = ;
#endif

#if ZERO
#error "should not fire"
#endif

#if (VERSION > 1) ? 1 : 0
    printf("ternary in #if\n");
#endif
#if -1 < 0
    printf("signed compare in #if\n");
#endif
#if 0xff == 255 && 'A' == 65
    printf("hex and char constants in #if\n");
#endif
#ifdef __LINE__
    printf("__LINE__ is defined: %d\n", __LINE__);
#endif
    printf("line %d\n", __LINE__);
    printf("still counting: %d\n", __LINE__);
#if defined(VERSION)
#if VERSION > 2
#if VERSION > 5
    printf("too new\n");
#else
    printf("nested #if ok\n");
#endif
#endif
#endif
    return 0;
}
