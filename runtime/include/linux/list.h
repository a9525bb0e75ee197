/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_LIST_H
#define _LINUX_LIST_H
#include <linux/types.h>
#include <linux/stddef.h>
#include <linux/container_of.h>
#include <linux/compiler.h>

#define LIST_HEAD_INIT(name) { &(name), &(name) }
#define LIST_HEAD(name) struct list_head name = LIST_HEAD_INIT(name)
#define LIST_POISON1 ((void *)0x100)
#define LIST_POISON2 ((void *)0x122)

__ms_inline void INIT_LIST_HEAD(struct list_head *list) { WRITE_ONCE(list->next, list); list->prev = list; }
__ms_inline void __list_add(struct list_head *new, struct list_head *prev, struct list_head *next)
{ next->prev = new; new->next = next; new->prev = prev; WRITE_ONCE(prev->next, new); }
__ms_inline void list_add(struct list_head *new, struct list_head *head) { __list_add(new, head, head->next); }
__ms_inline void list_add_tail(struct list_head *new, struct list_head *head) { __list_add(new, head->prev, head); }
__ms_inline void __list_del(struct list_head *prev, struct list_head *next) { next->prev = prev; WRITE_ONCE(prev->next, next); }
__ms_inline void __list_del_entry(struct list_head *entry) { __list_del(entry->prev, entry->next); }
__ms_inline void list_del(struct list_head *entry)
{ __list_del_entry(entry); entry->next = (struct list_head *)LIST_POISON1; entry->prev = (struct list_head *)LIST_POISON2; }
__ms_inline void list_del_init(struct list_head *entry) { __list_del_entry(entry); INIT_LIST_HEAD(entry); }
__ms_inline void list_replace(struct list_head *old, struct list_head *new)
{ new->next = old->next; new->next->prev = new; new->prev = old->prev; new->prev->next = new; }
__ms_inline void list_move(struct list_head *list, struct list_head *head) { __list_del_entry(list); list_add(list, head); }
__ms_inline void list_move_tail(struct list_head *list, struct list_head *head) { __list_del_entry(list); list_add_tail(list, head); }
__ms_inline int list_is_last(const struct list_head *list, const struct list_head *head) { return list->next == head; }
__ms_inline int list_empty(const struct list_head *head) { return READ_ONCE(head->next) == head; }
__ms_inline int list_is_singular(const struct list_head *head) { return !list_empty(head) && (head->next == head->prev); }
__ms_inline void __list_splice(const struct list_head *list, struct list_head *prev, struct list_head *next)
{ struct list_head *first = list->next, *last = list->prev; first->prev = prev; prev->next = first; last->next = next; next->prev = last; }
__ms_inline void list_splice_init(struct list_head *list, struct list_head *head)
{ if (!list_empty(list)) { __list_splice(list, head, head->next); INIT_LIST_HEAD(list); } }
__ms_inline void list_splice_tail_init(struct list_head *list, struct list_head *head)
{ if (!list_empty(list)) { __list_splice(list, head->prev, head); INIT_LIST_HEAD(list); } }

#define list_entry(ptr, type, member) container_of(ptr, type, member)
#define list_first_entry(ptr, type, member) list_entry((ptr)->next, type, member)
#define list_last_entry(ptr, type, member) list_entry((ptr)->prev, type, member)
#define list_first_entry_or_null(ptr, type, member) ({ struct list_head *head__ = (ptr); \
	struct list_head *pos__ = READ_ONCE(head__->next); pos__ != head__ ? list_entry(pos__, type, member) : NULL; })
#define list_next_entry(pos, member) list_entry((pos)->member.next, __typeof__(*(pos)), member)
#define list_prev_entry(pos, member) list_entry((pos)->member.prev, __typeof__(*(pos)), member)
#define list_entry_is_head(pos, head, member) (&pos->member == (head))
#define list_for_each(pos, head) for (pos = (head)->next; pos != (head); pos = pos->next)
#define list_for_each_safe(pos, n, head) for (pos = (head)->next, n = pos->next; pos != (head); pos = n, n = pos->next)
#define list_for_each_entry(pos, head, member) \
	for (pos = list_first_entry(head, __typeof__(*pos), member); !list_entry_is_head(pos, head, member); \
	     pos = list_next_entry(pos, member))
#define list_for_each_entry_reverse(pos, head, member) \
	for (pos = list_last_entry(head, __typeof__(*pos), member); !list_entry_is_head(pos, head, member); \
	     pos = list_prev_entry(pos, member))
#define list_for_each_entry_safe(pos, n, head, member) \
	for (pos = list_first_entry(head, __typeof__(*pos), member), n = list_next_entry(pos, member); \
	     !list_entry_is_head(pos, head, member); pos = n, n = list_next_entry(n, member))
#define list_for_each_entry_continue(pos, head, member) \
	for (pos = list_next_entry(pos, member); !list_entry_is_head(pos, head, member); pos = list_next_entry(pos, member))

#define HLIST_HEAD_INIT { .first = NULL }
#define HLIST_HEAD(name) struct hlist_head name = { .first = NULL }
#define INIT_HLIST_HEAD(ptr) ((ptr)->first = NULL)
__ms_inline void INIT_HLIST_NODE(struct hlist_node *h) { h->next = NULL; h->pprev = NULL; }
__ms_inline int hlist_unhashed(const struct hlist_node *h) { return !h->pprev; }
__ms_inline int hlist_empty(const struct hlist_head *h) { return !READ_ONCE(h->first); }
__ms_inline void __hlist_del(struct hlist_node *n)
{ struct hlist_node *next = n->next, **pprev = n->pprev; WRITE_ONCE(*pprev, next); if (next) next->pprev = pprev; }
__ms_inline void hlist_del(struct hlist_node *n) { __hlist_del(n); n->next = (struct hlist_node *)LIST_POISON1; n->pprev = (struct hlist_node **)LIST_POISON2; }
__ms_inline void hlist_del_init(struct hlist_node *n) { if (!hlist_unhashed(n)) { __hlist_del(n); INIT_HLIST_NODE(n); } }
__ms_inline void hlist_add_head(struct hlist_node *n, struct hlist_head *h)
{ struct hlist_node *first = h->first; n->next = first; if (first) first->pprev = &n->next; WRITE_ONCE(h->first, n); n->pprev = &h->first; }
#define hlist_entry(ptr, type, member) container_of(ptr, type, member)
#define hlist_entry_safe(ptr, type, member) ({ __typeof__(ptr) ____ptr = (ptr); ____ptr ? hlist_entry(____ptr, type, member) : NULL; })
#define hlist_for_each_entry(pos, head, member) \
	for (pos = hlist_entry_safe((head)->first, __typeof__(*(pos)), member); pos; \
	     pos = hlist_entry_safe((pos)->member.next, __typeof__(*(pos)), member))
#define hlist_for_each_entry_safe(pos, n, head, member) \
	for (pos = hlist_entry_safe((head)->first, __typeof__(*pos), member); \
	     pos && ({ n = pos->member.next; 1; }); pos = hlist_entry_safe(n, __typeof__(*pos), member))
#endif
