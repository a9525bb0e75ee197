/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_CTYPE_H
#define _LINUX_CTYPE_H
#define isdigit(c) ((unsigned)((c) - '0') < 10)
#define isxdigit(c) (isdigit(c) || (unsigned)(((c) | 0x20) - 'a') < 6)
#define islower(c) ((unsigned)((c) - 'a') < 26)
#define isupper(c) ((unsigned)((c) - 'A') < 26)
#define isalpha(c) (islower(c) || isupper(c))
#define isalnum(c) (isalpha(c) || isdigit(c))
#define isspace(c) ((c) == ' ' || (unsigned)((c) - '\t') < 5)
#define isprint(c) ((unsigned)((c) - 0x20) < 0x5f)
#define tolower(c) (isupper(c) ? (c) | 0x20 : (c))
#define toupper(c) (islower(c) ? (c) & ~0x20 : (c))
#endif
