#include "Wording.h"

namespace modsafe {

std::string deferredKindName(const std::string &K) {
  if (K == "timer" || K == "hrtimer" || K == "tasklet")
    return K;
  if (K == "work")
    return "work item";
  if (K == "kthread")
    return "kernel thread";
  if (K == "rcu")
    return "RCU callback";
  if (K == "srcu")
    return "SRCU callback";
  return "deferred callback";
}

std::string teardownHint(const std::string &K) {
  if (K == "timer")
    return "del_timer_sync() (timer_shutdown_sync() when it must not be re-armed)";
  if (K == "hrtimer")
    return "hrtimer_cancel()";
  if (K == "work")
    return "cancel_work_sync()/cancel_delayed_work_sync(), or destroy_workqueue() "
           "of the workqueue it is queued on";
  if (K == "tasklet")
    return "tasklet_kill()";
  if (K == "kthread")
    return "kthread_stop(), or pin the module with __module_get(THIS_MODULE) and "
           "end the thread with module_put_and_kthread_exit()";
  if (K == "rcu")
    return "rcu_barrier()";
  if (K == "srcu")
    return "srcu_barrier()";
  return "a synchronous teardown";
}

std::string regionText(const std::string &K) {
  if (K == "spinlock")
    return "spinlock held";
  if (K == "rwlock")
    return "rwlock held";
  if (K == "rcu")
    return "RCU read-side critical section";
  if (K == "preempt")
    return "preemption disabled";
  if (K == "irq")
    return "interrupts disabled";
  if (K == "bh")
    return "bottom halves disabled";
  return K;
}

std::string describeContext(const std::string &C) {
  if (C == "hardirq")
    return "a hard-irq handler";
  if (C == "softirq")
    return "run in softirq context";
  if (C == "timer")
    return "a timer callback, run in softirq context";
  if (C == "hrtimer")
    return "an hrtimer callback, run in hard-irq context";
  if (C == "tasklet")
    return "a tasklet, run in softirq context";
  if (C == "rcu")
    return "an RCU callback, run in softirq context";
  if (C == "atomic")
    return "called in atomic context";
  return "called in process context";
}

} // namespace modsafe
