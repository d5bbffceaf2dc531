//! Hostile inputs: renderers. A render past its time limit (here: a custom template that makes
//! Typst spin and hold memory) must stop using CPU and memory within a second of its 504, the
//! service must stay able to render, and `/readyz` must say when no renderer can take work.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::server::Server;
use crate::support::{SAMPLE, scratch};

/// A report template that holds a large array and then loops for hours.
fn spinning_templates(test: &str) -> PathBuf {
    let dir = scratch(test);
    std::fs::create_dir_all(&dir).unwrap();
    let builtin = concat!(env!("CARGO_MANIFEST_DIR"), "/templates/report.typ.j2");
    let mut report = std::fs::read_to_string(builtin).unwrap();
    report.push_str(
        "\n#let held = range(2000000)\n#let x = 0\n\
         #for i in range(100000) { for j in range(100000) { x = j + held.len() } }\n",
    );
    std::fs::write(dir.join("report.typ.j2"), report).unwrap();
    dir
}

/// A server with one renderer and the spinning report template.
fn spinning_server(test: &str, timeout: &str) -> Server {
    let templates = spinning_templates(test);
    Server::with(
        &[
            "--concurrency",
            "1",
            "--render-timeout",
            timeout,
            "--templates",
            templates.to_str().unwrap(),
        ],
        &[],
    )
}

/// `pid` and its descendants.
fn tree(pid: u32) -> Vec<u32> {
    let mut pids = vec![pid];
    let mut next = 0;
    while next < pids.len() {
        let tasks = std::fs::read_dir(format!("/proc/{}/task", pids[next]));
        for task in tasks.into_iter().flatten().flatten() {
            let children =
                std::fs::read_to_string(task.path().join("children")).unwrap_or_default();
            pids.extend(
                children
                    .split_whitespace()
                    .map(|pid| pid.parse::<u32>().unwrap()),
            );
        }
        next += 1;
    }
    pids
}

/// The fields of `/proc/PID/stat` after the command's name, from the state on (empty once the
/// process is gone).
fn stat(pid: u32) -> Vec<String> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let after_name = text.rsplit_once(')').map_or("", |(_, rest)| rest);
    after_name.split_whitespace().map(str::to_owned).collect()
}

/// The CPU time (user + system, in clock ticks) the processes have used so far.
fn cpu_ticks(pids: &[u32]) -> u64 {
    let ticks = |fields: Vec<String>| -> u64 {
        // utime and stime are the stat's 14th and 15th fields; the state is its 3rd.
        fields.get(11..13).map_or(0, |times| {
            times.iter().map(|t| t.parse::<u64>().unwrap()).sum()
        })
    };
    pids.iter().map(|pid| ticks(stat(*pid))).sum()
}

/// The resident memory of the processes, in MB.
fn rss_mb(pids: &[u32]) -> f64 {
    let page_kb = 4.0;
    pids.iter()
        .filter_map(|pid| std::fs::read_to_string(format!("/proc/{pid}/statm")).ok())
        .filter_map(|statm| statm.split_whitespace().nth(1)?.parse::<f64>().ok())
        .map(|pages| pages * page_kb / 1024.0)
        .sum()
}

/// The server's worker processes.
fn workers(server: &Server) -> Vec<u32> {
    tree(server.pid()).into_iter().skip(1).collect()
}

/// Waits (at most 20 s) until `pid` has exited: a zombie, or gone.
fn wait_dead(pid: u32) {
    let started = Instant::now();
    while stat(pid).first().is_some_and(|state| state != "Z") {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "{pid} lives on"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn post_sample(server: &Server, kind: &str) -> crate::server::Reply {
    let sample = std::fs::read(SAMPLE).unwrap();
    server.post_json(&format!("/v1/documents/{kind}"), &sample)
}

#[test]
fn a_render_past_its_time_limit_stops_within_a_second() {
    let server = spinning_server("hostile-renderers-timeout", "2");
    assert_eq!(server.get("/readyz").status, 200);
    let before = rss_mb(&tree(server.pid()));
    let stuck_worker = workers(&server);
    let stuck = std::thread::scope(|scope| {
        let render = scope.spawn(|| {
            let started = Instant::now();
            (post_sample(&server, "report"), started.elapsed())
        });
        // While the only renderer is stuck, /readyz says so; watch its memory too.
        let (mut not_ready, mut peak) = (false, 0.0_f64);
        while !render.is_finished() {
            not_ready |= server.get("/readyz").status == 503;
            peak = peak.max(rss_mb(&tree(server.pid())));
            std::thread::sleep(Duration::from_millis(50));
        }
        let (reply, elapsed) = render.join().unwrap();
        (reply, elapsed, not_ready, peak)
    });
    let (reply, elapsed, not_ready, peak) = stuck;
    assert_eq!(reply.problem(504)["code"], "timed_out");
    assert!(elapsed < Duration::from_secs(4), "504 after {elapsed:?}");
    assert!(
        not_ready,
        "/readyz said ready while the only renderer was stuck"
    );
    assert!(
        peak > before + 50.0,
        "the stuck render held {peak} MB (before: {before} MB)"
    );

    // Within a second of the 504, the server's processes are idle and the memory is back.
    std::thread::sleep(Duration::from_secs(1));
    let pids = tree(server.pid());
    let ticks = cpu_ticks(&pids);
    std::thread::sleep(Duration::from_secs(1));
    let used = cpu_ticks(&tree(server.pid())) - ticks;
    assert!(
        used < 5,
        "the server's processes used {used} ticks in a second"
    );
    for worker in stuck_worker {
        assert!(
            !pids.contains(&worker),
            "worker {worker} outlived its render"
        );
    }
    let after = rss_mb(&pids);
    assert!(
        after < before + 30.0,
        "{after} MB after, {before} MB before"
    );

    // A fresh renderer is ready and renders.
    let started = Instant::now();
    while server.get("/readyz").status != 200 {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "never ready again"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let agreement = post_sample(&server, "agreement");
    assert_eq!(agreement.status, 200, "{}", agreement.text());
    assert!(agreement.body.starts_with(b"%PDF"));
    let log = server.log();
    assert!(
        log.contains("render past its time limit: worker killed"),
        "{log}"
    );
}

#[test]
fn a_worker_killed_from_outside_is_replaced() {
    let server = spinning_server("hostile-renderers-kill", "60");
    let kill = |pid: u32| {
        let killed = std::process::Command::new("kill")
            .args(["-KILL", &pid.to_string()])
            .status()
            .unwrap();
        assert!(killed.success());
    };

    // Killed in the middle of a render: that request is a 500, the next one renders.
    let failed = std::thread::scope(|scope| {
        let render = scope.spawn(|| post_sample(&server, "report"));
        let worker = workers(&server)[0];
        // Let the worker get into its render.
        let ticks = cpu_ticks(&[worker]);
        while cpu_ticks(&[worker]) < ticks + 20 {
            std::thread::sleep(Duration::from_millis(20));
        }
        kill(worker);
        let started = Instant::now();
        let reply = render.join().unwrap();
        assert!(started.elapsed() < Duration::from_secs(10));
        reply
    });
    failed.problem(500);
    let agreement = post_sample(&server, "agreement");
    assert_eq!(agreement.status, 200, "{}", agreement.text());

    // Killed while idle: the next request still renders.
    let worker = workers(&server)[0];
    kill(worker);
    wait_dead(worker);
    eprintln!("killed {worker}: {:?}", stat(worker).first());
    let agreement = post_sample(&server, "agreement");
    assert_eq!(agreement.status, 200, "{}", server.log());
    assert_ne!(workers(&server), vec![worker]);
    server.wait_for_log("idle worker had exited: replacing it");
}
