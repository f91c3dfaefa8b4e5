//! The integration tests, as one binary: each one links the whole program,
//! so one binary keeps the build short. Each module is one area (the
//! bundle, the command line, other apps' exports, pictures at the edges,
//! restore, saving safely, the release script, the sheet, the fuzz targets' properties replayed, the wizard in a pseudo-terminal, the
//! Windows build under Wine, the import rule); the helpers they share live
//! in `tests/support/`. They run on a Unix host (pseudo-terminals, resource
//! limits, Wine for the Windows build), so on other targets the binary is
//! empty and only type-checks.

#![cfg(unix)]
// The tests end the program with signals (libc::kill) and limit its memory.
#![allow(unsafe_code)]
#![allow(clippy::unwrap_used)]

#[path = "../support/mod.rs"]
mod support;

mod architecture;
mod bundle;
mod cli;
mod demo;
mod fuzz_replay;
mod imports;
mod interrupted;
mod keys;
mod leaks;
mod lost;
mod lost_pty;
mod menu_pty;
mod pictures;
mod qr_corpus;
mod release;
mod restore;
mod saving;
mod sheet;
mod windows;
mod wizard_pty;
mod words;
