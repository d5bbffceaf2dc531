//! Work on dedicated threads, results in order: documents render on `workers` threads (not
//! rayon, which Typst itself uses inside compile and export), and each result reaches the
//! sink in job order as soon as it and all before it are done. Workers stay at most a window
//! of jobs ahead of the sink, so memory holds a few documents however many jobs there are.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, mpsc};

/// How many jobs per worker may be done but not yet taken by the sink.
const WINDOW_PER_WORKER: usize = 4;

/// Runs `work` on every job on `workers` threads and hands each result to `sink` in job order.
/// The first error from `sink` stops the workers and is returned.
pub fn for_each_in_order<J, R, E>(
    jobs: &[J],
    workers: usize,
    work: impl Fn(&J) -> R + Sync,
    mut sink: impl FnMut(usize, R) -> Result<(), E>,
) -> Result<(), E>
where
    J: Sync,
    R: Send,
{
    let workers = workers.clamp(1, jobs.len().max(1));
    let window = workers * WINDOW_PER_WORKER;
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    // How many results the sink has taken, and a signal when that grows.
    let taken = (Mutex::new(0usize), Condvar::new());
    let (results, received) = mpsc::channel::<(usize, R)>();

    std::thread::scope(|scope| {
        for _ in 0..workers {
            let results = results.clone();
            let (next, stop, taken, work) = (&next, &stop, &taken, &work);
            scope.spawn(move || {
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    if index >= jobs.len() {
                        break;
                    }
                    let (lock, signal) = taken;
                    let mut count = lock.lock().unwrap_or_else(|e| e.into_inner());
                    while index >= *count + window && !stop.load(Ordering::Relaxed) {
                        count = signal.wait(count).unwrap_or_else(|e| e.into_inner());
                    }
                    drop(count);
                    if stop.load(Ordering::Relaxed)
                        || results.send((index, work(&jobs[index]))).is_err()
                    {
                        break;
                    }
                }
            });
        }
        drop(results);

        let mut pending = BTreeMap::new();
        let mut expected = 0;
        let mut outcome = Ok(());
        'receive: for (index, result) in received {
            pending.insert(index, result);
            while let Some(result) = pending.remove(&expected) {
                if let Err(error) = sink(expected, result) {
                    outcome = Err(error);
                    break 'receive;
                }
                expected += 1;
                *taken.0.lock().unwrap_or_else(|e| e.into_inner()) = expected;
                taken.1.notify_all();
            }
        }
        // Stopping early: wake the workers waiting for room, so they see `stop` and quit; the
        // channel is closed, so a worker that finishes a document quits too.
        stop.store(true, Ordering::Relaxed);
        taken.1.notify_all();
        outcome
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_arrive_in_job_order() {
        let jobs: Vec<u64> = (0..200).collect();
        let mut seen = Vec::new();
        let outcome: Result<(), ()> = for_each_in_order(
            &jobs,
            3,
            |job| {
                // Uneven work, so that jobs finish out of order.
                std::thread::sleep(std::time::Duration::from_micros((job * 37) % 300));
                job * 2
            },
            |index, result| {
                seen.push((index, result));
                Ok(())
            },
        );
        assert!(outcome.is_ok());
        let expected: Vec<(usize, u64)> = (0..200).map(|i| (i as usize, i * 2)).collect();
        assert_eq!(seen, expected);
    }

    #[test]
    fn a_sink_error_stops_the_run() {
        let jobs: Vec<u32> = (0..1000).collect();
        let done = AtomicUsize::new(0);
        let outcome = for_each_in_order(
            &jobs,
            2,
            |_| done.fetch_add(1, Ordering::Relaxed),
            |index, _| if index == 10 { Err("full") } else { Ok(()) },
        );
        assert_eq!(outcome, Err("full"));
        assert!(done.load(Ordering::Relaxed) < 100, "workers stopped early");
    }
}
