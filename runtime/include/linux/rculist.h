/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_RCULIST_H
#define _LINUX_RCULIST_H
#include <linux/list.h>
#include <linux/rcupdate.h>
__ms_inline void list_add_rcu(struct list_head *new, struct list_head *head)
{ struct list_head *next = head->next; new->next = next; new->prev = head;
  __atomic_store_n(&head->next, new, __ATOMIC_RELEASE); next->prev = new; }
__ms_inline void list_add_tail_rcu(struct list_head *new, struct list_head *head)
{ struct list_head *prev = head->prev; new->next = head; new->prev = prev;
  __atomic_store_n(&prev->next, new, __ATOMIC_RELEASE); head->prev = new; }
__ms_inline void list_del_rcu(struct list_head *entry)
{ __list_del_entry(entry); entry->prev = (struct list_head *)LIST_POISON2; }
#define list_entry_rcu(ptr, type, member) container_of(__atomic_load_n(&(ptr), __ATOMIC_ACQUIRE), type, member)
#define list_for_each_entry_rcu(pos, head, member, cond...) \
	for (pos = list_entry_rcu((head)->next, __typeof__(*pos), member); &pos->member != (head); \
	     pos = list_entry_rcu(pos->member.next, __typeof__(*pos), member))
#define list_first_or_null_rcu(ptr, type, member) ({ struct list_head *__ptr = (ptr); \
	struct list_head *__next = __atomic_load_n(&__ptr->next, __ATOMIC_ACQUIRE); \
	__ptr != __next ? list_entry(__next, type, member) : NULL; })
#endif
