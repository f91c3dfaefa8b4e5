//! The fuzz targets' properties without libFuzzer: every checked-in input of
//! `fuzz/corpus/TARGET/` (the seeds and the crashes kept as regressions),
//! and a fixed set of mutations of each, through the same functions the
//! targets call (`fuzz/src/lib.rs`). Not coverage-guided: it keeps what the
//! long runs found from coming back, in every `cargo test`; the runs
//! themselves are `scripts/fuzz` (docs/security.md has their figures).

use std::{
    fs,
    panic::{AssertUnwindSafe, catch_unwind},
    path::{Path, PathBuf},
};

#[path = "../../fuzz/src/lib.rs"]
mod checks;

/// Mutations per input; pictures are slower to read, so fewer.
const MUTATIONS: usize = 400;
const PICTURE_MUTATIONS: usize = 25;

/// A small deterministic generator (xorshift64*): the same mutations in
/// every run, so a failure names an input that can be made again.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, bound: usize) -> usize {
        if bound == 0 {
            0
        } else {
            (self.next() % bound as u64) as usize
        }
    }
}

/// Bytes and characters that matter to the parsers: separators, escapes,
/// digits, base32, and the bytes of picture headers.
const INTERESTING: &[u8] = b"?&=%#:/ \n\r\t\x00\x1b\xff0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ234567secret=issuer=digits=period=algorithm=";

/// One to four edits of `input`: a byte changed, a byte inserted, a run
/// deleted, a run repeated, or an interesting byte or word put in.
fn mutate(input: &[u8], rng: &mut Rng) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..=rng.below(4) {
        let at = rng.below(out.len() + 1);
        match rng.below(6) {
            0 if !out.is_empty() => {
                let at = at.min(out.len() - 1);
                out[at] ^= 1 << rng.below(8);
            }
            1 => out.insert(at, rng.next() as u8),
            2 if at < out.len() => {
                let end = (at + 1 + rng.below(16)).min(out.len());
                out.drain(at..end);
            }
            3 if at < out.len() => {
                let end = (at + 1 + rng.below(32)).min(out.len());
                let run = out[at..end].to_vec();
                out.splice(at..at, run);
            }
            4 => {
                let word = [
                    "secret=", "&", "?", "%", "%1B", "digits=9", "period=0", "\u{2028}",
                ];
                let word = word[rng.below(word.len())].as_bytes();
                out.splice(at..at, word.iter().copied());
            }
            _ => out.insert(at, INTERESTING[rng.below(INTERESTING.len())]),
        }
    }
    out
}

fn corpus(target: &str) -> Vec<PathBuf> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut inputs: Vec<PathBuf> = fs::read_dir(&folder)
        .unwrap_or_else(|error| panic!("{}: {error}", folder.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| {
            path.file_name()
                .and_then(|name| name.to_str())
                .is_some_and(|name| name.starts_with("seed-") || name.starts_with("regression-"))
        })
        .collect();
    inputs.sort();
    inputs
}

/// Runs `check` on `input`; on a panic, says which input it was.
fn run(target: &str, check: fn(&[u8]), input: &[u8], what: &str) -> Result<(), String> {
    catch_unwind(AssertUnwindSafe(|| check(input))).map_err(|panic| {
        let reason = panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
            .unwrap_or_default();
        let shown: String = String::from_utf8_lossy(input).chars().take(300).collect();
        format!("{target}: {what}: {reason}\n    input: {shown:?}")
    })
}

fn replay(target: &str) {
    let (_, check) = checks::TARGETS
        .iter()
        .find(|(name, _)| *name == target)
        .expect("a target of fuzz/src/lib.rs");
    let inputs = corpus(target);
    assert!(!inputs.is_empty(), "{target}: no checked-in inputs");
    let mutations = if target == "picture" {
        PICTURE_MUTATIONS
    } else {
        MUTATIONS
    };
    let mut failures = Vec::new();
    for path in &inputs {
        let input = fs::read(path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy();
        failures.extend(run(target, *check, &input, &name).err());
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ input.len() as u64);
        for number in 0..mutations {
            let mutated = mutate(&input, &mut rng);
            failures.extend(
                run(
                    target,
                    *check,
                    &mutated,
                    &format!("{name}, mutation {number}"),
                )
                .err(),
            );
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_target_has_a_replay_and_a_corpus() {
    let manifest =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/Cargo.toml")).unwrap();
    let targets: Vec<&str> = manifest
        .lines()
        .filter_map(|line| line.strip_prefix("name = \"")?.strip_suffix('"'))
        .filter(|name| *name != "kapukulcs-fuzz")
        .collect();
    let replayed: Vec<&str> = checks::TARGETS.iter().map(|(name, _)| *name).collect();
    assert_eq!(
        targets, replayed,
        "fuzz/Cargo.toml and fuzz/src/lib.rs name the same targets"
    );
    for target in targets {
        assert!(!corpus(target).is_empty(), "{target} has no seed");
    }
}

#[test]
fn the_checks_catch_a_quoted_key() {
    // The property the text targets rest on: a message that repeats the
    // key is a failure.
    let input = "otpauth://totp/U:maria?digits=6?secret=JBSWY3DPEHPK3PXP";
    let caught = catch_unwind(|| {
        checks::assert_no_secret(input, "bad value: 6?secret=JBSWY3DPEHPK3PXP", None)
    });
    assert!(caught.is_err());
    checks::assert_no_secret(input, "the digits= value is not a number", None);
    // A `secret=` that spells the program's own words is no leak when a
    // message says them (the otpauth target's third finding).
    checks::assert_no_secret(
        "otpauth://x?secret=nem otpau",
        "Ez nem otpauth:// cím.",
        None,
    );
}

#[test]
fn otpauth_inputs_and_mutations() {
    replay("otpauth");
}

#[test]
fn google_transfer_inputs_and_mutations() {
    replay("google_transfer");
}

#[test]
fn aegis_inputs_and_mutations() {
    replay("aegis");
}

#[test]
fn uri_list_inputs_and_mutations() {
    replay("uri_list");
}

#[test]
fn bundle_inputs_and_mutations() {
    replay("bundle");
}

#[test]
fn age_header_inputs_and_mutations() {
    replay("age_header");
}

#[test]
fn code_input_inputs_and_mutations() {
    replay("code_input");
}

#[test]
fn picture_inputs_and_mutations() {
    replay("picture");
}
