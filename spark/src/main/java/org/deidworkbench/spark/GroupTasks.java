package org.deidworkbench.spark;

import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;

/**
 * The tasks of one Spark job group that have started and not yet ended, so that the driver removes what
 * a failed or stopped job's tasks wrote only once none of them can write any more (decision 0086).
 *
 * <p>Spark ends a cancelled or failed job at once: the driver's call returns while the tasks it killed are
 * still running (with {@code interruptOnCancel=false} they stop at their next check, and what they do
 * until then, closing a stream included, still happens). A task's end reaches the driver only after its
 * code has returned or thrown. {@link #awaitEnded} waits for those ends.
 *
 * <p>Listener events arrive asynchronously, and a task launched just before the kill may be announced
 * after its job's end. So the wait first submits a one-task <em>fence</em> job: Spark posts its start
 * after the start of every task launched before the kill (the scheduler queues both in one event loop,
 * in order), so once the fence's start is seen, every task of the group that ever started is known.
 *
 * <p>Thread-safety: the listener's methods run on Spark's listener thread, {@link #awaitEnded} on the
 * driver's; both synchronize on this object. Register it ({@code addSparkListener}) before the group's
 * job is submitted, remove it afterwards.
 */
final class GroupTasks extends SparkListener {

    /** Spark's local property naming a job's group ({@code SparkContext.SPARK_JOB_GROUP_ID}). */
    static final String JOB_GROUP = "spark.jobGroup.id";
    /** A local property marking the fence job of one wait (the tests' slow store watches for it). */
    static final String FENCE = "deid.tasks.fence";

    private final String group;
    private final Set<Integer> stages = new HashSet<>();
    private final Set<Long> running = new HashSet<>();
    private final Set<String> fences = new HashSet<>();

    GroupTasks(String group) {
        this.group = group;
    }

    @Override
    public synchronized void onStageSubmitted(SparkListenerStageSubmitted event) {
        Properties p = event.properties();
        if (p != null && group.equals(p.getProperty(JOB_GROUP))) {
            stages.add(event.stageInfo().stageId());
        }
    }

    @Override
    public synchronized void onJobStart(SparkListenerJobStart event) {
        Properties p = event.properties();
        String fence = p == null ? null : p.getProperty(FENCE);
        if (fence != null) {
            fences.add(fence);
            notifyAll();
        }
    }

    @Override
    public synchronized void onTaskStart(SparkListenerTaskStart event) {
        if (stages.contains(event.stageId())) {
            running.add(event.taskInfo().taskId());
        }
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd event) {
        if (running.remove(event.taskInfo().taskId())) {
            notifyAll();
        }
    }

    /**
     * {@link #awaitEnded} for at most {@link HadoopRun#TASKS_END_WAIT_MILLIS}, then a warning when some tasks
     * had not ended (a task stuck in I/O): what they write after it is not removed.
     *
     * @param where the output the tasks write to, named in the warning; null when it has none to name
     */
    void awaitEndedOrWarn(JavaSparkContext spark, Object where) {
        int left;
        try {
            left = awaitEnded(spark, HadoopRun.TASKS_END_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            left = -1;
        }
        if (left != 0) {
            org.slf4j.LoggerFactory.getLogger(GroupTasks.class).warn("{} task(s) of the stopped or failed job group"
                    + " {} had not ended after {} s; what they write{} after this is not removed",
                    left < 0 ? "some" : left, group, HadoopRun.TASKS_END_WAIT_MILLIS / 1000,
                    where == null ? "" : " to " + where);
        }
    }

    /**
     * After the group's job has ended (failed or cancelled; the calling thread no longer in the group):
     * waits until every task of the group that started has ended, at most {@code timeoutMillis}, or until
     * the Spark context stops (its executors with it).
     *
     * @return how many tasks were still running when the wait gave up (0: all ended)
     */
    int awaitEnded(JavaSparkContext spark, long timeoutMillis) throws InterruptedException {
        String id = UUID.randomUUID().toString();
        JavaFutureAction<Void> fence;
        spark.setLocalProperty(FENCE, id);
        try {
            fence = spark.parallelize(List.of(0), 1).foreachAsync(x -> {
            });
        } catch (RuntimeException e) { // the context is stopping (the JVM's shutdown): no fence, no more events
            synchronized (this) {
                return Math.max(1, running.size());
            }
        } finally {
            spark.setLocalProperty(FENCE, null);
        }
        try {
            long until = System.nanoTime() + timeoutMillis * 1_000_000L;
            synchronized (this) {
                while (!fences.contains(id) || !running.isEmpty()) {
                    long left = (until - System.nanoTime()) / 1_000_000L;
                    if (left <= 0 || spark.sc().isStopped()) {
                        return fences.contains(id) ? running.size() : Math.max(1, running.size());
                    }
                    wait(Math.min(left, 100));
                }
                return 0;
            }
        } finally {
            if (!fence.isDone()) {
                fence.cancel(false);
            }
        }
    }
}
