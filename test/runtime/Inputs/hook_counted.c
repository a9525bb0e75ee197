#define COUNTED 1
#include "hook_sleep.c"
