/* A header of the project: reported because .modsafe.json's header_filter names it. */
static inline void locked_sleep(spinlock_t *l)
{
	spin_lock(l);
	msleep(1);
	spin_unlock(l);
}
