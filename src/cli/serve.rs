//! `claimdex serve`: the fact-checker's desk on a local web server (the library's `serve`).

use anyhow::{Context as _, Result};
use clap::Args as ClapArgs;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::process::ExitCode;

use super::Global;

#[derive(Debug, Clone, ClapArgs)]
pub struct ServeArgs {
    /// The port to listen on (0: any free port, printed at start).
    #[arg(long, default_value_t = 8080)]
    pub port: u16,
    /// The address to listen on. The desk has no login: anything but loopback lets others on
    /// the network read the corpus and record reviews.
    #[arg(long, default_value_t = IpAddr::V4(Ipv4Addr::LOCALHOST))]
    pub bind: IpAddr,
}

pub fn run(global: &Global, args: &ServeArgs) -> Result<ExitCode> {
    if !args.bind.is_loopback() {
        eprintln!(
            "warning: listening on {} — the desk has no login: anyone who can reach this address can read the corpus and record reviews",
            args.bind
        );
    }
    let (datasets, diagnostics) = claimdex::datasets::load_dir(&global.datasets);
    for diagnostic in &diagnostics {
        eprintln!("{diagnostic}");
    }
    let index = global.index.clone();
    let (no_update, full_check_every) = (global.no_update, global.full_check_every);
    let open: claimdex::serve::Opener = Box::new(move || {
        super::open_fresh(&index, no_update, full_check_every).map_err(|error| format!("{error:#}"))
    });
    eprintln!("checking the corpus…");
    let desk = claimdex::serve::Desk::new(open, datasets).map_err(anyhow::Error::msg)?;
    let address = SocketAddr::new(args.bind, args.port);
    claimdex::serve::serve(desk, address, |bound| {
        // One line a script (or a test) can read the address from.
        println!("serving http://{bound}/ (Ctrl-C to stop)");
        use std::io::Write as _;
        let _ = std::io::stdout().flush();
    })
    .with_context(|| format!("cannot listen on {address}"))?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use crate::cli::{Args, Command};
    use clap::Parser;

    #[test]
    fn serve_flags_parse() {
        let args = Args::parse_from(["claimdex", "serve"]);
        assert!(matches!(
            args.command,
            Command::Serve(ref serve) if serve.port == 8080 && serve.bind.is_loopback()
        ));
        let args = Args::parse_from(["claimdex", "serve", "--port", "0", "--bind", "0.0.0.0"]);
        assert!(matches!(
            args.command,
            Command::Serve(ref serve) if serve.port == 0 && !serve.bind.is_loopback()
        ));
        assert!(Args::try_parse_from(["claimdex", "serve", "--bind", "nowhere"]).is_err());
    }
}
