//! Measuring a child process: wall-clock time and peak resident memory (from `wait4`'s rusage,
//! which the kernel keeps exactly, unlike polling `/proc/<pid>/status`).

use super::BenchError;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

#[derive(Debug, Clone, Copy, Default)]
pub struct Measured {
    pub seconds: f64,
    /// Peak resident set size of the child, in bytes.
    pub peak_rss: u64,
}

/// Runs `command` to completion with stdout and stderr discarded; an exit status other than 0
/// (or `allowed`, e.g. 1 for "nothing found") is an error naming the command.
pub fn run_measured(command: &mut Command, allowed: &[i32]) -> Result<Measured, BenchError> {
    let program = describe(command);
    command
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    let started = Instant::now();
    let mut child = command.spawn().map_err(|err| BenchError::Command {
        program: program.clone(),
        message: err.to_string(),
    })?;
    // Drain stderr on a thread so a chatty child never blocks on a full pipe.
    let stderr = child.stderr.take();
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        if let Some(mut stderr) = stderr {
            let _ = std::io::Read::read_to_string(&mut stderr, &mut text);
        }
        text
    });
    let (status, peak_rss) = wait_with_rusage(&mut child).map_err(|err| BenchError::Command {
        program: program.clone(),
        message: format!("wait4: {err}"),
    })?;
    let seconds = started.elapsed().as_secs_f64();
    let stderr_text = reader.join().unwrap_or_default();
    if status != 0 && !allowed.contains(&status) {
        let tail: Vec<&str> = stderr_text.lines().rev().take(5).collect();
        return Err(BenchError::Command {
            program,
            message: format!(
                "exited with status {status}: {}",
                tail.into_iter().rev().collect::<Vec<_>>().join(" / ")
            ),
        });
    }
    Ok(Measured { seconds, peak_rss })
}

/// Waits for the child; returns its exit code (128 + signal when killed) and peak RSS.
#[cfg(unix)]
fn wait_with_rusage(child: &mut std::process::Child) -> std::io::Result<(i32, u64)> {
    let pid = libc::pid_t::try_from(child.id()).map_err(std::io::Error::other)?;
    let mut status: libc::c_int = 0;
    // SAFETY: `rusage` is plain old data, so all-zero is a valid value; `wait4` writes into
    // both out-parameters, which live for the whole call. The child is ours and not yet reaped
    // (std's `Child` is dropped without `wait`, which does not reap or kill it).
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let rc = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    if rc < 0 {
        return Err(std::io::Error::last_os_error());
    }
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else if libc::WIFSIGNALED(status) {
        128 + libc::WTERMSIG(status)
    } else {
        -1
    };
    // Linux reports `ru_maxrss` in kibibytes.
    let peak_rss = u64::try_from(usage.ru_maxrss).unwrap_or(0) * 1024;
    Ok((code, peak_rss))
}

/// Elsewhere there is no `wait4`: the exit code only, and a peak RSS of 0 (shown as such).
#[cfg(not(unix))]
fn wait_with_rusage(child: &mut std::process::Child) -> std::io::Result<(i32, u64)> {
    let status = child.wait()?;
    Ok((status.code().unwrap_or(-1), 0))
}

fn describe(command: &Command) -> String {
    let mut text = command.get_program().to_string_lossy().to_string();
    for arg in command.get_args() {
        text.push(' ');
        text.push_str(&arg.to_string_lossy());
    }
    text
}

/// Total size in bytes of the files under `path`.
pub fn disk_usage(path: &Path) -> u64 {
    walkdir::WalkDir::new(path)
        .into_iter()
        .flatten()
        .filter_map(|entry| entry.metadata().ok())
        .filter(|metadata| metadata.is_file())
        .map(|metadata| metadata.len())
        .sum()
}

/// The value at quantile `q` (0..=1) of sorted `values` (nearest rank).
pub fn percentile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = (q * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// The median of a few timings.
pub fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    percentile(&values, 0.5)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_use_nearest_rank() {
        let values: Vec<f64> = (1..=100).map(f64::from).collect();
        assert_eq!(percentile(&values, 0.5), 50.0);
        assert_eq!(percentile(&values, 0.95), 95.0);
        assert_eq!(percentile(&values, 0.99), 99.0);
        assert_eq!(percentile(&[], 0.5), 0.0);
        assert_eq!(median(vec![3.0, 1.0, 2.0]), 2.0);
    }

    #[test]
    fn a_child_is_timed_and_its_memory_read() {
        let measured = run_measured(Command::new("true").arg("x"), &[]).unwrap();
        assert!(measured.peak_rss > 0);
        let err = run_measured(&mut Command::new("false"), &[]).unwrap_err();
        assert!(err.to_string().contains("status 1"), "{err}");
        assert!(run_measured(&mut Command::new("false"), &[1]).is_ok());
    }
}
