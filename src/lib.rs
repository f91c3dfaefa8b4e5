//! kapukulcs: Ügyfélkapu+ keys for the whole family, backed up and restored.
//!
//! Since 2025 the Hungarian government portal needs a TOTP second factor.
//! Adults who manage their parents' accounts keep several keys on one phone;
//! when that phone breaks, the keys must come back from saved QR codes. This
//! library reads those QR codes, understands the keys inside, and computes
//! the same codes as the phone. The binary (`src/main.rs`) only picks the
//! language, calls [`cli::run`] and turns an error into a message.
//!
//! Imports run one way (`docs/architecture.md`, checked by
//! `tests/it/architecture.rs`): [`cli`] → [`commands`] → the [`flows`]
//! ([`flows::wizard`], [`flows::lost`], [`flows::phone_check`],
//! [`flows::safe_save`]) → the core (everything else).

// The command line and the commands.
pub mod cli;
pub mod commands;

// Flows the commands share.
pub mod flows;

// The core: values in, values out, and the few edges that touch the world.
pub mod clock;
pub mod error;
pub mod family;
pub mod formats;
pub mod i18n;
pub mod interrupt;
pub mod platform;
pub mod prompter;
pub mod qr;
pub mod secret;
pub mod sheet;
pub mod store;
pub mod totp;
pub mod vault;
