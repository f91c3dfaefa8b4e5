//! A QR code drawn in the terminal, for a phone camera to scan straight off
//! the screen when a key moves onto a new phone.
//!
//! Each character cell holds two module rows with the Unicode half blocks
//! `▀` `▄` `█` and space, so the code keeps its square shape in cells about
//! twice as tall as wide. Terminal themes differ: a code drawn only in the
//! foreground colour comes out inverted on a dark theme, and many phone
//! readers refuse inverted codes. So both colours are set explicitly on
//! every line (black on white from the 256-colour palette) and reset at its
//! end, and the quiet zone of four modules (ISO/IEC 18004) is drawn in white
//! too.

use crate::qr::draw::{self, QUIET_ZONE, TooLong};
use crate::secret::SecretString;

/// Black foreground (palette 16, #000000) on white background (palette
/// 231, #ffffff): the cube corners, the same in every 256-colour terminal,
/// unlike the 16 theme colours.
pub const COLOURS: &str = "\x1b[38;5;16m\x1b[48;5;231m";

/// Back to the terminal's own colours.
pub const RESET: &str = "\x1b[0m";

/// Draws `text` as a QR code: one line per two module rows, each line
/// starting with [`COLOURS`] and ending with [`RESET`] and a newline. The
/// drawing shows the secret, so it is one too.
pub fn render(text: &SecretString) -> Result<SecretString, TooLong> {
    let modules = draw::modules(text)?;
    let side = modules.width + 2 * QUIET_ZONE;
    let dark = |x: usize, y: usize| {
        x.checked_sub(QUIET_ZONE)
            .zip(y.checked_sub(QUIET_ZONE))
            .is_some_and(|(x, y)| x < modules.width && y < modules.width && modules.is_dark(x, y))
    };
    let mut out =
        String::with_capacity((side + COLOURS.len() + RESET.len() + 1) * side.div_ceil(2) * 3);
    for y in (0..side).step_by(2) {
        out.push_str(COLOURS);
        for x in 0..side {
            // Past the last row (the side is odd) is more white margin.
            out.push(match (dark(x, y), dark(x, y + 1)) {
                (true, true) => '█',
                (true, false) => '▀',
                (false, true) => '▄',
                (false, false) => ' ',
            });
        }
        out.push_str(RESET);
        out.push('\n');
    }
    Ok(SecretString::new(out))
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{GrayImage, Luma};

    const URI: &str = "otpauth://totp/%C3%9Cgyf%C3%A9lkapu%2B:Mama%20%28kovacs.maria%29?secret=ABCDEFGHIJKLMNOPQRST&issuer=%C3%9Cgyf%C3%A9lkapu%2B";

    /// A terminal theme: the colours text has when nothing sets them.
    #[derive(Clone, Copy)]
    struct Theme {
        foreground: u8,
        background: u8,
    }

    const DARK: Theme = Theme {
        foreground: 255,
        background: 0,
    };
    const LIGHT: Theme = Theme {
        foreground: 0,
        background: 255,
    };

    /// Cells kept blank in the terminal's own colour around the drawing, as
    /// the rest of a terminal window would be.
    const MARGIN: u32 = 2;

    /// Paints `rendered` the way a terminal with `theme` would: each cell
    /// `cell_w` × `cell_h` pixels, upper and lower half in the foreground or
    /// background colour by the half block drawn, colours from the escape
    /// sequences the text carries (SGR 0, 38;5;n and 48;5;n; palette entries
    /// 16 and 231 are black and white in every xterm-256 palette).
    fn to_image(rendered: &str, cell_w: u32, cell_h: u32, theme: Theme) -> GrayImage {
        let lines: Vec<&str> = rendered.lines().collect();
        let columns = lines
            .iter()
            .map(|line| strip_escapes(line).chars().count())
            .max()
            .unwrap_or(0) as u32;
        let width = (columns + 2 * MARGIN) * cell_w;
        let height = (lines.len() as u32 + 2 * MARGIN) * cell_h;
        let mut image = GrayImage::from_pixel(width, height, Luma([theme.background]));
        let (mut fg, mut bg) = (theme.foreground, theme.background);
        for (row, line) in lines.iter().enumerate() {
            let mut column = 0;
            let mut chars = line.chars().peekable();
            while let Some(ch) = chars.next() {
                if ch == '\x1b' {
                    assert_eq!(chars.next(), Some('['));
                    let params: String = chars.by_ref().take_while(|&c| c != 'm').collect();
                    match params.as_str() {
                        "0" | "" => (fg, bg) = (theme.foreground, theme.background),
                        "38;5;16" => fg = 0,
                        "38;5;231" => fg = 255,
                        "48;5;16" => bg = 0,
                        "48;5;231" => bg = 255,
                        other => panic!("escape {other:?} not understood"),
                    }
                    continue;
                }
                let (top, bottom) = match ch {
                    '█' => (fg, fg),
                    '▀' => (fg, bg),
                    '▄' => (bg, fg),
                    ' ' => (bg, bg),
                    other => panic!("character {other:?} not expected"),
                };
                let x0 = (column + MARGIN) * cell_w;
                let y0 = (row as u32 + MARGIN) * cell_h;
                for dy in 0..cell_h {
                    let value = if dy < cell_h / 2 { top } else { bottom };
                    for dx in 0..cell_w {
                        image.put_pixel(x0 + dx, y0 + dy, Luma([value]));
                    }
                }
                column += 1;
            }
        }
        image
    }

    fn strip_escapes(line: &str) -> String {
        let mut out = String::new();
        let mut chars = line.chars();
        while let Some(ch) = chars.next() {
            if ch == '\x1b' {
                chars.by_ref().take_while(|&c| c != 'm').for_each(drop);
            } else {
                out.push(ch);
            }
        }
        out
    }

    fn png(image: &GrayImage) -> Vec<u8> {
        let mut bytes = Vec::new();
        image
            .write_to(
                &mut std::io::Cursor::new(&mut bytes),
                image::ImageFormat::Png,
            )
            .unwrap();
        bytes
    }

    fn rendered() -> String {
        render(&SecretString::new(URI.into()))
            .unwrap()
            .expose()
            .to_owned()
    }

    #[test]
    fn every_line_sets_both_colours_and_resets() {
        let text = rendered();
        let modules = draw::modules(&SecretString::new(URI.into())).unwrap();
        let side = modules.width + 2 * QUIET_ZONE;
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), side.div_ceil(2));
        for line in &lines {
            let body = line
                .strip_prefix(COLOURS)
                .and_then(|l| l.strip_suffix(RESET))
                .unwrap_or_else(|| panic!("{line:?}"));
            assert_eq!(body.chars().count(), side);
            assert!(body.chars().all(|c| " ▀▄█".contains(c)), "{body}");
        }
        // Two quiet rows of modules = the first two lines are all white.
        assert!(
            lines[..2]
                .iter()
                .all(|l| strip_escapes(l).trim().is_empty())
        );
    }

    #[test]
    fn scans_on_dark_and_light_themes_alike() {
        let text = rendered();
        let dark = to_image(&text, 8, 16, DARK);
        let light = to_image(&text, 8, 16, LIGHT);
        // Inside the margin the pictures are the same: nothing depends on
        // the theme.
        let (w, h) = dark.dimensions();
        let inner = |image: &GrayImage| {
            image::imageops::crop_imm(
                image,
                MARGIN * 8,
                MARGIN * 16,
                w - 2 * MARGIN * 8,
                h - 2 * MARGIN * 16,
            )
            .to_image()
        };
        assert_eq!(inner(&dark), inner(&light));
        for (name, image) in [("dark", &dark), ("light", &light)] {
            let texts = crate::qr::read::read_qr_codes(&png(image), |t| t == URI)
                .unwrap_or_else(|e| panic!("{name}: {e:?}"));
            assert_eq!(texts[0], URI, "{name}");
        }
    }

    #[test]
    fn without_explicit_colours_a_dark_theme_inverts_the_code() {
        // The test's terminal model is not blind: the same drawing with the
        // colour codes removed comes out inverted on a dark theme.
        let plain: String = rendered()
            .lines()
            .map(|l| strip_escapes(l) + "\n")
            .collect();
        let dark = to_image(&plain, 8, 16, DARK);
        let light = to_image(&plain, 8, 16, LIGHT);
        assert_eq!(
            dark.get_pixel(MARGIN * 8 + 4 * 8, MARGIN * 16 + 2 * 16 + 4)[0],
            255,
            "finder pattern"
        );
        assert_eq!(
            light.get_pixel(MARGIN * 8 + 4 * 8, MARGIN * 16 + 2 * 16 + 4)[0],
            0,
            "finder pattern"
        );
    }

    #[test]
    #[ignore = "needs zbarimg (Debian package zbar-tools); CI installs it"]
    fn zbarimg_reads_it_on_both_themes() {
        let text = rendered();
        for theme in [DARK, LIGHT] {
            let file = tempfile::Builder::new().suffix(".png").tempfile().unwrap();
            std::fs::write(file.path(), png(&to_image(&text, 8, 16, theme))).unwrap();
            let output = std::process::Command::new("zbarimg")
                .args(["--quiet", "--raw"])
                .arg(file.path())
                .output()
                .expect("zbarimg runs");
            assert!(output.status.success(), "{output:?}");
            assert_eq!(String::from_utf8(output.stdout).unwrap().trim_end(), URI);
        }
    }

    #[test]
    fn absurdly_long_text_is_an_error() {
        assert!(render(&SecretString::new("x".repeat(5000))).is_err());
    }
}
