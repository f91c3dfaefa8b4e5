//! Times reading a picture that holds no QR code at all, against `zbarimg`
//! on the same files in the same run (issue 20, item 3): seeded pixel noise,
//! the worst case for a finder-pattern search, at 1, 4, 12 and 40 Mpx (4:3).
//! The targets: the 12 Mpx picture within 3 × zbarimg's time, the 40 Mpx
//! one within 10 s, and every one answered "no QR code found".
//!
//! Run with `cargo run --release --example noise_bench`. Options:
//! `--sizes 1,4,12,40` (megapixels), `--seed N`, `--timeout SECS` (a reader
//! still running then is killed and shown as `>SECS`; 180 unless told),
//! `--save DIR` keeps the pictures; `--dekodol PROGRAM` (again for more)
//! adds a column timing `PROGRAM dekodol FILE`, the whole command of a
//! kapukulcs binary, so a build from before a change runs beside the one
//! after it; `--child FILE` reads one file once (the benchmark spawns itself
//! this way, so every reader is timed as a whole process, file reading and
//! picture decoding included).
//! Exits non-zero when zbarimg is missing or a target is missed.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use kapukulcs::qr::{decode, read};

/// The 12 Mpx picture may take at most this many times zbarimg's time.
const MAX_RATIO_12: f64 = 3.0;
/// The 40 Mpx picture may take at most this long.
const MAX_SECS_40: f64 = 10.0;

fn is_otpauth(text: &str) -> bool {
    text.get(..8)
        .is_some_and(|s| s.eq_ignore_ascii_case("otpauth:"))
}

struct Options {
    sizes: Vec<u32>,
    seed: u64,
    timeout: Duration,
    save: Option<PathBuf>,
    /// Other kapukulcs binaries whose `dekodol` is timed too.
    dekodol: Vec<PathBuf>,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--child") {
        let bytes = std::fs::read(&args[1]).expect("child: readable file");
        match read::read_qr_codes(&bytes, is_otpauth) {
            Ok(texts) => println!("found {}", texts.len()),
            Err(error) => println!("{error:?}"),
        }
        return ExitCode::SUCCESS;
    }
    let mut options = Options {
        sizes: vec![1, 4, 12, 40],
        seed: 0x006e_6f69_7365,
        timeout: Duration::from_secs(180),
        save: None,
        dekodol: Vec::new(),
    };
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let mut value = || args.next().expect("a value after the option");
        match arg.as_str() {
            "--sizes" => {
                options.sizes = value()
                    .split(',')
                    .map(|s| s.parse().expect("--sizes: megapixels"))
                    .collect();
            }
            "--seed" => options.seed = value().parse().expect("--seed: a number"),
            "--timeout" => {
                options.timeout = Duration::from_secs(value().parse().expect("--timeout: seconds"));
            }
            "--save" => options.save = Some(PathBuf::from(value())),
            "--dekodol" => options.dekodol.push(PathBuf::from(value())),
            other => panic!("unknown option {other}"),
        }
    }
    benchmark(&options)
}

/// The sides of a 4:3 picture of about `megapixels`, within `MAX_PIXELS`.
fn sides(megapixels: u32) -> (u32, u32) {
    let pixels = (u64::from(megapixels) * 1_000_000).min(decode::MAX_PIXELS) as f64;
    let height = (pixels * 3.0 / 4.0).sqrt() as u32;
    let width = (pixels / f64::from(height)) as u32;
    (width, height)
}

/// Grey pixel noise from xorshift64*, seeded, as a PNG (fast compression:
/// noise does not compress anyway).
fn noise_png(width: u32, height: u32, seed: u64) -> Vec<u8> {
    let mut state = seed | 1;
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, width, height);
    encoder.set_color(png::ColorType::Grayscale);
    encoder.set_compression(png::Compression::Fast);
    let mut writer = encoder.write_header().expect("PNG header");
    let mut row = vec![0u8; width as usize];
    let mut stream = writer.stream_writer().expect("PNG stream");
    for _ in 0..height {
        for chunk in row.chunks_mut(8) {
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            let word = state.wrapping_mul(0x2545_f491_4f6c_dd1d).to_le_bytes();
            chunk.copy_from_slice(&word[..chunk.len()]);
        }
        std::io::Write::write_all(&mut stream, &row).expect("PNG row");
    }
    stream.finish().expect("PNG end");
    writer.finish().expect("PNG end");
    bytes
}

/// How one reader fared on one file.
struct Run {
    time: Duration,
    /// What it printed, or `None` when it was killed at the timeout.
    said: Option<String>,
}

/// Runs `command` to its end or `timeout`, whichever comes first.
fn timed(command: &mut Command, timeout: Duration) -> Run {
    let start = Instant::now();
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the reader starts");
    loop {
        if child.try_wait().expect("wait").is_some() {
            let time = start.elapsed();
            let out = child.wait_with_output().expect("output");
            let said = String::from_utf8_lossy(&out.stdout).trim().to_string();
            return Run {
                time,
                said: Some(said),
            };
        }
        if start.elapsed() > timeout {
            // Our own child, by its handle.
            let _ = child.kill();
            let _ = child.wait();
            return Run {
                time: start.elapsed(),
                said: None,
            };
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn shown(run: &Run) -> String {
    match run.said {
        Some(_) => format!("{:.2}", run.time.as_secs_f64()),
        None => format!(">{:.0}", run.time.as_secs_f64()),
    }
}

fn benchmark(options: &Options) -> ExitCode {
    if Command::new("zbarimg").arg("--version").output().is_err() {
        eprintln!("zbarimg not found: install zbar-tools; the targets are relative to it");
        return ExitCode::FAILURE;
    }
    let temporary = tempfile::tempdir().expect("temporary directory");
    let dir = options.save.as_deref().unwrap_or(temporary.path());
    std::fs::create_dir_all(dir).expect("picture directory");
    let exe = std::env::current_exe().expect("own path");
    println!(
        "pixel noise, no QR code (seed {:#x}); whole processes, seconds; timeout {:?}",
        options.seed, options.timeout
    );
    for (number, program) in options.dekodol.iter().enumerate() {
        println!("dekodol {}: {}", number + 1, program.display());
    }
    let columns: String = (1..=options.dekodol.len())
        .map(|number| format!(" {:>10}", format!("dekodol {number}")))
        .collect();
    println!(
        "{:>4} {:>12} {:>8} {:>11} {:>9} {:>7}{columns}  kapukulcs said",
        "Mpx", "sides", "PNG MiB", "kapukulcs", "zbarimg", "ratio"
    );
    let mut met = true;
    for &megapixels in &options.sizes {
        let (width, height) = sides(megapixels);
        let path: &Path = &dir.join(format!("zaj-{width}x{height}.png"));
        let png = noise_png(width, height, options.seed ^ u64::from(megapixels));
        std::fs::write(path, &png).expect("write the picture");
        let ours = timed(Command::new(&exe).arg("--child").arg(path), options.timeout);
        let zbar = timed(
            Command::new("zbarimg").args(["--raw", "-q"]).arg(path),
            options.timeout,
        );
        let others: String = options
            .dekodol
            .iter()
            .map(|program| {
                let run = timed(
                    Command::new(program).arg("dekodol").arg(path),
                    options.timeout,
                );
                format!(" {:>10}", shown(&run))
            })
            .collect();
        let ratio = ours.time.as_secs_f64() / zbar.time.as_secs_f64();
        println!(
            "{megapixels:>4} {:>12} {:>8.1} {:>11} {:>9} {:>7.2}{others}  {}",
            format!("{width}×{height}"),
            png.len() as f64 / f64::from(1 << 20),
            shown(&ours),
            shown(&zbar),
            ratio,
            ours.said.as_deref().unwrap_or("(killed)")
        );
        met &= ours.said.as_deref() == Some("NoQrCode");
        if megapixels == 12 {
            met &= ratio <= MAX_RATIO_12;
        }
        if megapixels == 40 {
            met &= ours.time.as_secs_f64() <= MAX_SECS_40;
        }
    }
    println!(
        "targets (every picture NoQrCode; 12 Mpx <= {MAX_RATIO_12} x zbarimg; 40 Mpx <= {MAX_SECS_40} s): {}",
        if met { "MET" } else { "MISSED" }
    );
    if met {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
