//! A seeded generator of the pictures people really save when they back up an
//! Ügyfélkapu+ key: full-screen screenshots at every common resolution and
//! HiDPI scaling, snipping-tool crops, JPEG screenshots, dark pages, tiny
//! codes, pages with several codes and phone photos of the monitor.
//!
//! The corpus is drawn here rather than stored because real screenshots hold
//! real secrets and copyrighted pages; a seed makes every run identical, so a
//! failure can be reproduced by its sample name. Both `tests/qr_corpus.rs`
//! and `examples/decode_bench.rs` include this file, so the test and the
//! benchmark see the same pictures.

// Each includer uses part of it: the test has no 4K timing, the benchmark
// no two-link page.
#![allow(dead_code)]

use std::f32::consts::PI;
use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::imageops::FilterType;
use image::{DynamicImage, ImageFormat, Rgb, RgbImage};
use qrcode::{Color, EcLevel, QrCode};

/// The seed the test and the benchmark share.
pub const SEED: u64 = 0x6b61_7075_6b75_6c63;

/// Pictures per class; the issue asks for at least 20.
pub const PER_CLASS: usize = 24;

/// A small, fixed pseudo-random generator (SplitMix64): the corpus must not
/// change when a dependency changes its algorithms.
#[derive(Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator started from `seed`.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A uniform float in `[0, 1)`.
    pub fn unit(&mut self) -> f32 {
        (self.next_u64() >> 40) as f32 / (1u64 << 24) as f32
    }

    /// A uniform float in `[lo, hi)`.
    pub fn float(&mut self, lo: f32, hi: f32) -> f32 {
        lo + (hi - lo) * self.unit()
    }

    /// A uniform integer in `lo..=hi`.
    pub fn int(&mut self, lo: i32, hi: i32) -> i32 {
        lo + (self.next_u64() % (hi - lo + 1) as u64) as i32
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f32) -> bool {
        self.unit() < p
    }

    /// One element of `items`.
    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[(self.next_u64() % items.len() as u64) as usize]
    }
}

/// The kinds of picture the issue lists, each held to its own success rate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Class {
    /// Full-screen screenshots, 1366×768 to 4K, scaling 1x to 2x, PNG.
    Screenshot,
    /// Snipping-tool crops with little or no quiet zone, PNG.
    Crop,
    /// Screenshots saved as JPEG, quality 50 to 90.
    Jpeg,
    /// Dark-themed pages, some with a light-on-dark code.
    Dark,
    /// Codes drawn at 2 to 3 pixels per module.
    Small,
    /// Pages with link codes beside the otpauth code.
    Multi,
    /// Phone photos of the monitor.
    Photo,
}

impl Class {
    /// Every class, in report order.
    pub const ALL: [Class; 7] = [
        Class::Screenshot,
        Class::Crop,
        Class::Jpeg,
        Class::Dark,
        Class::Small,
        Class::Multi,
        Class::Photo,
    ];

    /// The short name used in sample names and reports.
    pub fn name(self) -> &'static str {
        match self {
            Class::Screenshot => "screenshot",
            Class::Crop => "crop",
            Class::Jpeg => "jpeg",
            Class::Dark => "dark",
            Class::Small => "small",
            Class::Multi => "multi",
            Class::Photo => "photo",
        }
    }
}

/// One picture of the corpus and the answer a reader must give.
pub struct Sample {
    /// Which kind of picture this is.
    pub class: Class,
    /// A file name that says how it was made, e.g. `screenshot-03-2560x1440@1.5x.png`.
    pub name: String,
    /// The encoded file, as the user saved it.
    pub bytes: Vec<u8>,
    /// The otpauth URI in the picture.
    pub expected: String,
}

/// Texts of the other codes a page may show beside the key.
pub const LINK_TEXTS: [&str; 3] = [
    "https://ugyfelkapu.gov.hu/",
    "https://apps.apple.com/hu/app/google-authenticator/id388497605",
    "https://play.google.com/store/apps/details?id=com.google.android.apps.authenticator2",
];

/// The whole corpus: `per_class` pictures of every class, in class order.
/// Drawn on every core: each picture has its own seed, so the result does
/// not depend on the threads.
pub fn corpus(seed: u64, per_class: usize) -> Vec<Sample> {
    let jobs: Vec<(Class, usize)> = Class::ALL
        .iter()
        .flat_map(|&class| (0..per_class).map(move |index| (class, index)))
        .collect();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut done: Vec<(usize, Sample)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|t| {
                let jobs = &jobs;
                scope.spawn(move || {
                    (t..jobs.len())
                        .step_by(threads)
                        .map(|at| (at, sample(seed, jobs[at].0, jobs[at].1)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().expect("corpus worker"))
            .collect()
    });
    done.sort_by_key(|(at, _)| *at);
    done.into_iter().map(|(_, sample)| sample).collect()
}

/// One picture, reproducible on its own from `(seed, class, index)`.
pub fn sample(seed: u64, class: Class, index: usize) -> Sample {
    let mut rng =
        Rng::new(seed ^ ((class as u64 + 1) << 32) ^ (index as u64).wrapping_mul(0x2545_f491));
    let uri = otpauth_uri(&mut rng);
    let (name, bytes) = match class {
        Class::Screenshot => screenshot(&mut rng, index, &uri),
        Class::Crop => crop(&mut rng, index, &uri),
        Class::Jpeg => jpeg(&mut rng, index, &uri),
        Class::Dark => dark(&mut rng, index, &uri),
        Class::Small => small(&mut rng, index, &uri),
        Class::Multi => multi(&mut rng, index, &uri),
        Class::Photo => photo(&mut rng, index, &uri),
    };
    Sample {
        class,
        name: format!("{}-{index:02}-{name}", class.name()),
        bytes,
        expected: uri,
    }
}

/// The picture the 4K timing uses: a 3840×2160 screenshot at 1.5x scaling.
pub fn screenshot_4k(seed: u64) -> Sample {
    let mut rng = Rng::new(seed ^ 0x4b);
    let uri = otpauth_uri(&mut rng);
    let page = Page::new(3840, 2160, 1.5, Theme::light(&mut rng));
    let spec = QrSpec::website(&mut rng, &uri);
    let (image, _) = page.render(&mut rng, &[spec]);
    Sample {
        class: Class::Screenshot,
        name: "screenshot-4k-3840x2160@1.5x.png".into(),
        bytes: png(&image),
        expected: uri,
    }
}

/// A 1920×1080 screenshot holding two link codes and no key, with their texts.
pub fn two_link_codes(seed: u64) -> (Vec<u8>, [String; 2]) {
    let mut rng = Rng::new(seed ^ 0x22);
    let texts = [LINK_TEXTS[0].to_string(), LINK_TEXTS[1].to_string()];
    let page = Page::new(1920, 1080, 1.0, Theme::light(&mut rng));
    let specs = [
        QrSpec::website(&mut rng, &texts[0]),
        QrSpec::website(&mut rng, &texts[1]),
    ];
    let (image, _) = page.render(&mut rng, &specs);
    (png(&image), texts)
}

/// A key URI as Ügyfélkapu+ shows it (Key Uri Format: label `issuer:account`,
/// base32 `secret`, `issuer` repeated), sometimes with the optional
/// algorithm, digits and period parameters.
pub fn otpauth_uri(rng: &mut Rng) -> String {
    const FIRST: [&str; 8] = [
        "kovacs", "nagy", "szabo", "toth", "horvath", "varga", "kiss", "molnar",
    ];
    const SECOND: [&str; 8] = [
        "maria", "istvan", "erzsebet", "laszlo", "katalin", "janos", "eva", "zoltan",
    ];
    const BASE32: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let user = format!(
        "{}{}{}",
        rng.pick(&FIRST),
        rng.pick(&[".", "_", ""]),
        rng.pick(&SECOND)
    );
    let user = if rng.chance(0.3) {
        format!("{user}{}", rng.int(1, 99))
    } else {
        user
    };
    let length = if rng.chance(0.5) { 32 } else { 20 };
    let secret: String = (0..length)
        .map(|_| BASE32[rng.int(0, 31) as usize] as char)
        .collect();
    let issuer = "%C3%9Cgyf%C3%A9lkapu%2B";
    let mut uri = format!("otpauth://totp/{issuer}:{user}?secret={secret}&issuer={issuer}");
    if rng.chance(0.3) {
        uri.push_str("&algorithm=SHA1&digits=6&period=30");
    }
    uri
}

// ---------------------------------------------------------------------------
// The classes.

const SCREENS: [(u32, u32); 4] = [(1366, 768), (1920, 1080), (2560, 1440), (3840, 2160)];
const SCALES: [f32; 4] = [1.0, 1.25, 1.5, 2.0];

fn screenshot(rng: &mut Rng, index: usize, uri: &str) -> (String, Vec<u8>) {
    // Walk every resolution × scaling pair first, then draw at random.
    let (w, h) = SCREENS[index % 4];
    let scale = if index < 16 {
        SCALES[(index / 4) % 4]
    } else {
        rng.pick(&SCALES)
    };
    let page = Page::new(w, h, scale, Theme::light(rng));
    let (image, _) = {
        let spec = QrSpec::website(rng, uri);
        page.render(rng, &[spec])
    };
    (format!("{w}x{h}@{scale}x.png"), png(&image))
}

fn crop(rng: &mut Rng, _index: usize, uri: &str) -> (String, Vec<u8>) {
    let (w, h) = rng.pick(&SCREENS[..3]);
    let scale = rng.pick(&SCALES);
    let dark = rng.chance(0.2);
    let theme = if dark {
        Theme::dark(rng)
    } else {
        Theme::light(rng)
    };
    let page = Page::new(w, h, scale, theme);
    let (image, codes) = {
        let spec = QrSpec::website(rng, uri);
        page.render(rng, &[spec])
    };
    let code = codes[0];
    // A hurried drag of the snipping tool: each edge lands between the code's
    // edge and one module outside it, so the quiet zone is mostly gone.
    let module = code.module.floor() as i32;
    let left = code.x - rng.int(0, module);
    let top = code.y - rng.int(0, module);
    let right = code.x + code.size + rng.int(0, module);
    let bottom = code.y + code.size + rng.int(0, module);
    let cut = image::imageops::crop_imm(
        &image,
        left as u32,
        top as u32,
        (right - left) as u32,
        (bottom - top) as u32,
    )
    .to_image();
    (
        format!("{}x{}@{scale}x.png", cut.width(), cut.height()),
        png(&cut),
    )
}

fn jpeg(rng: &mut Rng, index: usize, uri: &str) -> (String, Vec<u8>) {
    let (w, h) = SCREENS[index % 4];
    let scale = rng.pick(&SCALES);
    let quality = rng.int(50, 90) as u8;
    let page = Page::new(w, h, scale, Theme::light(rng));
    let (image, _) = {
        let spec = QrSpec::website(rng, uri);
        page.render(rng, &[spec])
    };
    (
        format!("{w}x{h}@{scale}x-q{quality}.jpg"),
        jpg(&image, quality),
    )
}

fn dark(rng: &mut Rng, index: usize, uri: &str) -> (String, Vec<u8>) {
    let (w, h) = SCREENS[index % 4];
    let scale = rng.pick(&SCALES);
    let inverted = index % 2 == 1;
    let page = Page::new(w, h, scale, Theme::dark(rng));
    let mut spec = QrSpec::website(rng, uri);
    spec.inverted = inverted;
    let (image, _) = page.render(rng, &[spec]);
    let kind = if inverted { "inverted" } else { "whitecard" };
    if rng.chance(0.3) {
        let quality = rng.int(70, 90) as u8;
        (
            format!("{w}x{h}@{scale}x-{kind}-q{quality}.jpg"),
            jpg(&image, quality),
        )
    } else {
        (format!("{w}x{h}@{scale}x-{kind}.png"), png(&image))
    }
}

fn small(rng: &mut Rng, index: usize, uri: &str) -> (String, Vec<u8>) {
    let (w, h) = SCREENS[index % 4];
    // Half the pictures at exactly 2 px per module, the rest anywhere up to 3,
    // sampled nearest-neighbour as a browser shows a small <img> at 1x.
    let pitch = if index.is_multiple_of(2) {
        2.0
    } else {
        rng.float(2.0, 3.0)
    };
    let page = Page::new(w, h, 1.0, Theme::light(rng));
    let mut spec = QrSpec::website(rng, uri);
    spec.render = Render::Nearest { pitch };
    let (image, _) = page.render(rng, &[spec]);
    (format!("{w}x{h}-{pitch:.2}ppm.png"), png(&image))
}

fn multi(rng: &mut Rng, index: usize, uri: &str) -> (String, Vec<u8>) {
    let (w, h) = SCREENS[index % 4];
    let scale = rng.pick(&SCALES[..3]);
    let page = Page::new(w, h, scale, Theme::light(rng));
    let others = rng.int(1, 2) as usize;
    let mut specs: Vec<QrSpec> = (0..others)
        .map(|i| QrSpec::website(rng, LINK_TEXTS[(index + i) % LINK_TEXTS.len()]))
        .collect();
    let at = rng.int(0, others as i32) as usize;
    specs.insert(at, QrSpec::website(rng, uri));
    let (image, _) = page.render(rng, &specs);
    (
        format!("{w}x{h}@{scale}x-{}codes-key{at}.png", others + 1),
        png(&image),
    )
}

fn photo(rng: &mut Rng, _index: usize, uri: &str) -> (String, Vec<u8>) {
    let (sw, sh) = rng.pick(&[(1920, 1080), (2560, 1440), (1366, 768)]);
    let scale = rng.pick(&SCALES[..3]);
    let theme = if rng.chance(0.2) {
        Theme::dark(rng)
    } else {
        Theme::light(rng)
    };
    let page = Page::new(sw, sh, scale, theme);
    let (screen, codes) = {
        let spec = QrSpec::website(rng, uri);
        page.render(rng, &[spec])
    };
    let code = codes[0];

    // A phone photo (4000×3000 or 3024×4032) as a messenger sends it, halved.
    let (pw, ph) = rng.pick(&[(2000u32, 1500u32), (1512, 2016), (1600, 1200)]);
    // The person frames the code: from a close-up (the code fills a third of
    // the frame) to the whole monitor.
    let fill = rng.float(0.12, 0.5);
    let span = (code.size as f32 / fill).min(sw as f32 * 1.1);
    let (cx, cy) = (
        code.x as f32 + code.size as f32 / 2.0,
        code.y as f32 + code.size as f32 / 2.0,
    );
    let (vw, vh) = if pw > ph {
        (span, span * 0.75)
    } else {
        (span * 0.75, span)
    };
    let src = [
        (cx - vw / 2.0, cy - vh / 2.0),
        (cx + vw / 2.0, cy - vh / 2.0),
        (cx + vw / 2.0, cy + vh / 2.0),
        (cx - vw / 2.0, cy + vh / 2.0),
    ];
    // Rotation up to ±15°, a little off-centre, and each corner pulled
    // independently: the phone is never held parallel to the screen.
    let angle = rng.float(-15.0, 15.0).to_radians();
    let zoom = rng.float(0.8, 0.95);
    let (ox, oy) = (
        rng.float(-0.05, 0.05) * pw as f32,
        rng.float(-0.05, 0.05) * ph as f32,
    );
    let jitter = rng.float(0.02, 0.08);
    let dst = src.map(|(x, y)| {
        let (dx, dy) = (
            (x - cx) / vw * pw as f32 * zoom,
            (y - cy) / vh * ph as f32 * zoom,
        );
        let (dx, dy) = (
            dx + rng.float(-jitter, jitter) * pw as f32,
            dy + rng.float(-jitter, jitter) * ph as f32,
        );
        let (s, c) = angle.sin_cos();
        (
            pw as f32 / 2.0 + ox + dx * c - dy * s,
            ph as f32 / 2.0 + oy + dx * s + dy * c,
        )
    });
    // Where each pixel of the photo comes from in the framed screen (the
    // screen sits 40 pixels inside its bezel).
    let from_shot = homography(dst, src.map(|(x, y)| (x + 40.0, y + 40.0)));
    // The monitor's bezel and the wall behind it.
    let bezel = 24 + rng.int(0, 20) as u8;
    let mut framed = RgbImage::from_pixel(sw + 80, sh + 80, Rgb([bezel, bezel, bezel + 3]));
    let (from, to) = (sw as usize * 3, (sw as usize + 80) * 3);
    let frame: &mut [u8] = &mut framed;
    for (y, row) in screen.chunks_exact(from).enumerate() {
        let at = (y + 40) * to + 40 * 3;
        frame[at..at + from].copy_from_slice(row);
    }
    let wall = Rgb([
        rng.int(120, 200) as u8,
        rng.int(110, 190) as u8,
        rng.int(100, 180) as u8,
    ]);
    let shot = warp(&framed, from_shot, wall, pw, ph);

    let sigma = rng.float(0.5, 2.0);
    // DynamicImage's blur is compiled (optimised) inside `image`; a generic
    // blur would be compiled unoptimised into the test and take seconds.
    let mut shot = DynamicImage::ImageRgb8(shot).blur(sigma).into_rgb8();
    light_and_sensor(rng, &mut shot);
    let quality = rng.int(60, 85) as u8;
    let name = format!(
        "{sw}x{sh}@{scale}x-{pw}x{ph}-rot{:.0}-blur{sigma:.1}-q{quality}.jpg",
        angle.to_degrees()
    );
    (name, jpg(&shot, quality))
}

/// The projective map (a 3x3 matrix, last entry 1) taking each of the
/// four points `from` to the matching point of `to`: the eight unknowns
/// solved from the eight equations the corners give, by Gaussian
/// elimination with partial pivoting.
fn homography(from: [(f32, f32); 4], to: [(f32, f32); 4]) -> [f64; 9] {
    let mut rows = [[0.0f64; 9]; 8];
    for (i, (&(x, y), &(u, v))) in from.iter().zip(&to).enumerate() {
        let (x, y, u, v) = (f64::from(x), f64::from(y), f64::from(u), f64::from(v));
        rows[2 * i] = [x, y, 1.0, 0.0, 0.0, 0.0, -u * x, -u * y, u];
        rows[2 * i + 1] = [0.0, 0.0, 0.0, x, y, 1.0, -v * x, -v * y, v];
    }
    for column in 0..8 {
        let pivot = (column..8)
            .max_by(|&a, &b| rows[a][column].abs().total_cmp(&rows[b][column].abs()))
            .expect("rows left");
        rows.swap(column, pivot);
        assert!(
            rows[column][column].abs() > 1e-12,
            "corners in general position"
        );
        let pivot_row = rows[column];
        for (index, row) in rows.iter_mut().enumerate() {
            if index != column {
                let factor = row[column] / pivot_row[column];
                for (cell, above) in row.iter_mut().zip(&pivot_row).skip(column) {
                    *cell -= factor * above;
                }
            }
        }
    }
    let h: [f64; 8] = std::array::from_fn(|i| rows[i][8] / rows[i][i]);
    [h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7], 1.0]
}

/// A `width` x `height` picture whose pixel (x, y) is `source` sampled
/// bilinearly at `from_out` applied to (x, y); `border` where that falls
/// outside `source`. Written for the unoptimised test build, where a phone
/// photo's 3 Mpx would take seconds: plain arithmetic on the raw bytes (no
/// calls in the loop; `as u8` truncates and saturates), the map stepped
/// along each row, the rows shared among the cores.
fn warp(
    source: &RgbImage,
    from_out: [f64; 9],
    border: Rgb<u8>,
    width: u32,
    height: u32,
) -> RgbImage {
    let t = from_out;
    let (w, h) = (source.width() as i64, source.height() as i64);
    let raw: &[u8] = source.as_raw();
    let stride = width as usize * 3;
    let mut out = vec![0u8; stride * height as usize];
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let rows_each = (height as usize).div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        for (part, chunk) in out.chunks_mut(rows_each * stride).enumerate() {
            scope.spawn(move || {
                for (row, line) in chunk.chunks_exact_mut(stride).enumerate() {
                    let y = (part * rows_each + row) as f64;
                    // Numerators and denominator are linear in x: step them.
                    let (mut nx, mut ny, mut d) =
                        (t[1] * y + t[2], t[4] * y + t[5], t[7] * y + t[8]);
                    let mut at = 0;
                    while at < stride {
                        let sx = (nx / d) as f32;
                        let sy = (ny / d) as f32;
                        nx += t[0];
                        ny += t[3];
                        d += t[6];
                        let (left, top) = (sx.floor(), sy.floor());
                        let (rw, bw) = (sx - left, sy - top);
                        let (left, top) = (left as i64, top as i64);
                        let inside_x0 = left >= 0 && left < w;
                        let inside_x1 = left + 1 >= 0 && left + 1 < w;
                        let inside_y0 = top >= 0 && top < h;
                        let inside_y1 = top + 1 >= 0 && top + 1 < h;
                        // Only read where inside, so never negative.
                        let i00 = (top * w + left) * 3;
                        let (i10, i01, i11) = (i00 + 3, i00 + w * 3, i00 + w * 3 + 3);
                        for c in 0..3 {
                            let b = border.0[c];
                            let p = |i: i64| raw[(i + c as i64) as usize];
                            let p00 = if inside_x0 && inside_y0 { p(i00) } else { b } as f32;
                            let p10 = if inside_x1 && inside_y0 { p(i10) } else { b } as f32;
                            let p01 = if inside_x0 && inside_y1 { p(i01) } else { b } as f32;
                            let p11 = if inside_x1 && inside_y1 { p(i11) } else { b } as f32;
                            // Blended in f32 and truncated, row by row, as imageproc did.
                            let upper = ((1.0 - rw) * p00 + rw * p10) as u8 as f32;
                            let lower = ((1.0 - rw) * p01 + rw * p11) as u8 as f32;
                            line[at + c] = ((1.0 - bw) * upper + bw * lower) as u8;
                        }
                        at += 3;
                    }
                }
            });
        }
    });
    RgbImage::from_raw(width, height, out).expect("the size matches")
}

/// What a camera adds to a picture of a screen: the screen's washed-out
/// blacks and colour cast, uneven light and a vignette, moiré where the
/// sensor grid beats against the pixel grid, and sensor noise.
fn light_and_sensor(rng: &mut Rng, shot: &mut RgbImage) {
    let (w, h) = (shot.width() as f32, shot.height() as f32);
    let black = rng.float(15.0, 50.0);
    let white = rng.float(200.0, 245.0);
    let cast = [
        rng.float(0.9, 1.0),
        rng.float(0.95, 1.0),
        rng.float(0.97, 1.08),
    ];
    let (gx, gy) = (rng.float(-0.25, 0.25), rng.float(-0.25, 0.25));
    let vignette = rng.float(0.0, 0.35);
    let moire = rng.float(0.04, 0.12);
    let period = rng.float(4.0, 14.0);
    let bend = rng.float(20.0, 60.0);
    let phi = rng.float(0.0, PI);
    let (dx, dy) = (phi.cos() * 2.0 * PI / period, phi.sin() * 2.0 * PI / period);
    let noise = rng.float(2.0, 8.0);
    let mut state = rng.next_u64() as u32 | 1;
    for (x, y, pixel) in shot.enumerate_pixels_mut() {
        let (u, v) = (x as f32 / w - 0.5, y as f32 / h - 0.5);
        let gain = 1.0 + gx * u + gy * v - vignette * (u * u + v * v) * 2.0;
        let wave =
            1.0 + moire * (x as f32 * dx + y as f32 * dy + (y as f32 / bend).sin() * 3.0).sin();
        for (channel, tint) in pixel.0.iter_mut().zip(cast) {
            // xorshift32: two draws summed make a cheap bell-shaped noise.
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            let n = ((state & 0xffff) as f32 + (state >> 16) as f32) / 65536.0 - 1.0;
            let level = black + (white - black) * *channel as f32 / 255.0;
            *channel = (level * gain * wave * tint + n * noise * 1.7).clamp(0.0, 255.0) as u8;
        }
    }
}

// ---------------------------------------------------------------------------
// The page.

/// The colours of a page and the desktop around it.
#[derive(Clone, Copy)]
struct Theme {
    page: [u8; 3],
    text: [u8; 3],
    muted: [u8; 3],
    card: [u8; 3],
    border: [u8; 3],
    header: [u8; 3],
    accent: [u8; 3],
    chrome: [u8; 3],
    taskbar: [u8; 3],
    dark: bool,
}

impl Theme {
    fn light(rng: &mut Rng) -> Theme {
        let page = rng.pick(&[[255, 255, 255], [245, 246, 248], [240, 242, 245]]);
        Theme {
            page,
            text: [33, 37, 41],
            muted: [120, 126, 134],
            card: [255, 255, 255],
            border: [222, 226, 230],
            header: rng.pick(&[[0, 51, 102], [26, 61, 110], [0, 82, 147]]),
            accent: rng.pick(&[[0, 102, 204], [13, 110, 253], [0, 120, 80]]),
            chrome: rng.pick(&[[222, 225, 230], [32, 33, 36]]),
            taskbar: rng.pick(&[[32, 32, 32], [238, 238, 242]]),
            dark: false,
        }
    }

    fn dark(rng: &mut Rng) -> Theme {
        let page = rng.pick(&[[18, 18, 18], [24, 26, 27], [13, 17, 23]]);
        Theme {
            page,
            text: [230, 230, 230],
            muted: [150, 150, 150],
            card: rng.pick(&[[31, 31, 31], [36, 39, 43], [22, 27, 34]]),
            border: [60, 60, 60],
            header: [10, 30, 55],
            accent: [80, 160, 255],
            chrome: [32, 33, 36],
            taskbar: [20, 20, 20],
            dark: true,
        }
    }
}

/// How a code reaches the screen.
#[derive(Clone, Copy)]
enum Render {
    /// The site serves a PNG at `module` px per module; the browser shows it
    /// at `css` CSS px, times the display scaling, bilinearly resampled.
    Resampled { module: u32, css: f32 },
    /// Drawn at `pitch` screen px per module, nearest-neighbour, unblurred.
    Nearest { pitch: f32 },
}

/// One code on a page.
#[derive(Clone)]
struct QrSpec {
    text: String,
    level: EcLevel,
    render: Render,
    /// Light modules on the dark card instead of dark on white.
    inverted: bool,
}

impl QrSpec {
    /// A code as a web site typically serves it.
    fn website(rng: &mut Rng, text: &str) -> QrSpec {
        let module = rng.int(3, 6) as u32;
        let css = rng.float(160.0, 260.0);
        QrSpec {
            text: text.to_string(),
            level: if rng.chance(0.7) {
                EcLevel::M
            } else {
                EcLevel::L
            },
            render: Render::Resampled { module, css },
            inverted: false,
        }
    }

    /// The code drawn on screen, quiet zone included, and its module count.
    fn tile(&self, scale: f32, theme: &Theme) -> (RgbImage, usize) {
        let code = QrCode::with_error_correction_level(&self.text, self.level)
            .expect("text fits a QR code");
        let n = code.width();
        let colors = code.to_colors();
        let quiet = 4;
        let dark_at = |mx: i64, my: i64| {
            let (mx, my) = (mx - quiet, my - quiet);
            mx >= 0
                && my >= 0
                && (mx as usize) < n
                && (my as usize) < n
                && colors[my as usize * n + mx as usize] == Color::Dark
        };
        let (ink, paper) = if self.inverted {
            ([235, 235, 235], theme.card)
        } else {
            ([0, 0, 0], [255, 255, 255])
        };
        let side = n as i64 + 2 * quiet;
        let tile = match self.render {
            Render::Resampled { module, css } => {
                let source =
                    RgbImage::from_fn(side as u32 * module, side as u32 * module, |x, y| {
                        Rgb(if dark_at((x / module) as i64, (y / module) as i64) {
                            ink
                        } else {
                            paper
                        })
                    });
                let target = (css * scale).round() as u32;
                if target == source.width() {
                    source
                } else {
                    image::imageops::resize(&source, target, target, FilterType::Triangle)
                }
            }
            Render::Nearest { pitch } => {
                let target = (side as f32 * pitch).round() as u32;
                RgbImage::from_fn(target, target, |x, y| {
                    let at = |p: u32| (p as f32 / pitch) as i64;
                    Rgb(if dark_at(at(x), at(y)) { ink } else { paper })
                })
            }
        };
        (tile, n)
    }
}

/// Where a code landed on the screen, without its quiet zone.
#[derive(Clone, Copy, Debug)]
pub struct Placed {
    /// Left edge of the first module column, in screen pixels.
    pub x: i32,
    /// Top edge of the first module row.
    pub y: i32,
    /// Width of the modules, quiet zone excluded.
    pub size: i32,
    /// Screen pixels per module.
    pub module: f32,
}

/// A screen: a browser showing the key page, above a taskbar.
struct Page {
    width: u32,
    height: u32,
    scale: f32,
    theme: Theme,
}

impl Page {
    fn new(width: u32, height: u32, scale: f32, theme: Theme) -> Page {
        Page {
            width,
            height,
            scale,
            theme,
        }
    }

    /// CSS pixels to screen pixels.
    fn u(&self, css: f32) -> i32 {
        (css * self.scale).round() as i32
    }

    /// Shrinks a code's CSS size so that `count` cards fit side by side and
    /// one fits between the browser chrome and the taskbar (`room` px), as a
    /// responsive page would.
    fn fit(&self, spec: &QrSpec, count: usize, room: i32) -> QrSpec {
        let mut spec = spec.clone();
        if let Render::Resampled { module, css } = spec.render {
            let n = count as f32;
            let text = if count == 1 { 320.0 } else { 0.0 };
            let wide = (self.width as f32 / self.scale - 48.0 - text - 24.0 * (n - 1.0)) / n - 48.0;
            let tall = room as f32 / self.scale - 48.0 - 32.0 - if count > 1 { 40.0 } else { 0.0 };
            spec.render = Render::Resampled {
                module,
                css: css.min(wide).min(tall),
            };
        }
        spec
    }

    /// Draws the page with `codes` side by side in cards; returns the
    /// screenshot and where each code landed.
    fn render(&self, rng: &mut Rng, codes: &[QrSpec]) -> (RgbImage, Vec<Placed>) {
        let t = self.theme;
        let (w, h) = (self.width as i32, self.height as i32);
        let mut img = RgbImage::from_pixel(self.width, self.height, Rgb(t.page));
        let chrome = self.u(34.0) + self.u(40.0);
        let taskbar = self.u(40.0);
        let (top, bottom) = (chrome, h - taskbar);

        let tiles: Vec<(RgbImage, usize)> = codes
            .iter()
            .map(|c| self.fit(c, codes.len(), bottom - top).tile(self.scale, &t))
            .collect();
        let pad = self.u(24.0);
        let gap = self.u(24.0);
        let text_col = if codes.len() == 1 { self.u(320.0) } else { 0 };
        let cards_w: i32 = tiles
            .iter()
            .map(|(tile, _)| tile.width() as i32 + 2 * pad)
            .sum::<i32>()
            + gap * (tiles.len() as i32 - 1)
            + text_col;
        let tallest = tiles
            .iter()
            .map(|(tile, _)| tile.height() as i32)
            .max()
            .unwrap_or(0);
        let card_h = tallest + 2 * pad + if codes.len() > 1 { self.u(40.0) } else { 0 };

        // Lay the page out, then scroll it so the cards are on screen, as
        // the user would before pressing Print Screen.
        let container = (w - self.u(48.0)).min(self.u(1000.0)).max(cards_w);
        let cx0 = ((w - container) / 2).max(0);
        let mut y = top + self.u(64.0) + self.u(32.0);
        let title_y = y;
        y += self.u(48.0);
        let lines = rng.int(2, 4);
        let para_y = y;
        y += lines * self.u(22.0) + self.u(16.0);
        let card_y = y;
        let scroll = (card_y + card_h + self.u(16.0) - bottom).max(0);
        let sy = |v: i32| v - scroll;

        // Site header with logo and menu.
        fill(&mut img, 0, sy(top), w, self.u(64.0), t.header);
        fill(
            &mut img,
            cx0,
            sy(top + self.u(16.0)),
            self.u(150.0),
            self.u(32.0),
            [255, 255, 255],
        );
        let mut mx = cx0 + self.u(200.0);
        for _ in 0..rng.int(3, 5) {
            let mw = self.u(rng.float(50.0, 110.0));
            if mx + mw > cx0 + container {
                break;
            }
            fill(
                &mut img,
                mx,
                sy(top + self.u(28.0)),
                mw,
                self.u(9.0),
                [220, 225, 235],
            );
            mx += mw + self.u(28.0);
        }
        // Title and a paragraph of grey "text".
        fill(
            &mut img,
            cx0,
            sy(title_y),
            (container as f32 * rng.float(0.35, 0.7)) as i32,
            self.u(20.0),
            t.text,
        );
        for i in 0..lines {
            let lw = (container as f32 * rng.float(0.6, 1.0)) as i32;
            fill(
                &mut img,
                cx0,
                sy(para_y + i * self.u(22.0)),
                lw,
                self.u(9.0),
                t.muted,
            );
        }

        // The cards holding the codes.
        let mut placed = Vec::new();
        let mut x = cx0;
        for (i, (tile, n)) in tiles.iter().enumerate() {
            let tw = tile.width() as i32;
            let this_w = tw + 2 * pad + if i == 0 { text_col } else { 0 };
            let card_top = sy(card_y);
            fill(
                &mut img,
                x + self.u(2.0),
                card_top + self.u(3.0),
                this_w,
                card_h,
                shade(t.page, t.dark),
            );
            fill(
                &mut img,
                x - 1,
                card_top - 1,
                this_w + 2,
                card_h + 2,
                t.border,
            );
            fill(&mut img, x, card_top, this_w, card_h, t.card);
            let (qx, qy) = (x + pad, card_top + pad);
            image::imageops::replace(&mut img, tile, qx as i64, qy as i64);
            let side = tile.width() as f32;
            let module = side / (*n as f32 + 8.0);
            placed.push(Placed {
                x: qx + (4.0 * module).round() as i32,
                y: qy + (4.0 * module).round() as i32,
                size: (*n as f32 * module).round() as i32,
                module,
            });
            if codes.len() > 1 {
                let caption = self.u(rng.float(80.0, 160.0)).min(tw);
                fill(
                    &mut img,
                    qx,
                    qy + tallest + self.u(14.0),
                    caption,
                    self.u(9.0),
                    t.text,
                );
            }
            if i == 0 && text_col > 0 {
                // Steps beside the code, the "Nem tudom beolvasni a kódot"
                // link and the buttons.
                let tx = qx + tw + pad;
                let mut ty = qy;
                for _ in 0..rng.int(3, 6) {
                    let lw = self.u(rng.float(160.0, 290.0));
                    fill(&mut img, tx, ty, lw, self.u(9.0), t.text);
                    ty += self.u(22.0);
                }
                ty += self.u(8.0);
                fill(&mut img, tx, ty, self.u(210.0), self.u(9.0), t.accent);
                ty += self.u(30.0);
                fill(&mut img, tx, ty, self.u(120.0), self.u(38.0), t.accent);
                fill(
                    &mut img,
                    tx + self.u(24.0),
                    ty + self.u(15.0),
                    self.u(72.0),
                    self.u(9.0),
                    [255, 255, 255],
                );
                fill(
                    &mut img,
                    tx + self.u(136.0),
                    ty,
                    self.u(110.0),
                    self.u(38.0),
                    t.border,
                );
                fill(
                    &mut img,
                    tx + self.u(137.0),
                    ty + 1,
                    self.u(108.0),
                    self.u(36.0),
                    t.card,
                );
            }
            x += this_w + gap;
        }
        // Footer text below the cards, if the screen reaches that far.
        let foot = sy(card_y + card_h + self.u(40.0));
        for i in 0..3 {
            fill(
                &mut img,
                cx0,
                foot + i * self.u(20.0),
                self.u(rng.float(200.0, 500.0)),
                self.u(8.0),
                t.muted,
            );
        }

        // Browser chrome and taskbar stay put while the page scrolls.
        fill(&mut img, 0, 0, w, self.u(34.0), t.chrome);
        fill(
            &mut img,
            self.u(8.0),
            self.u(6.0),
            self.u(240.0),
            self.u(28.0),
            shade(t.chrome, true),
        );
        fill(
            &mut img,
            0,
            self.u(34.0),
            w,
            self.u(40.0),
            shade(t.chrome, true),
        );
        fill(
            &mut img,
            self.u(90.0),
            self.u(40.0),
            w - self.u(180.0),
            self.u(28.0),
            t.chrome,
        );
        fill(
            &mut img,
            self.u(110.0),
            self.u(50.0),
            self.u(260.0),
            self.u(9.0),
            t.muted,
        );
        fill(&mut img, 0, bottom, w, taskbar, t.taskbar);
        for i in 0..8 {
            let c = if i == 0 {
                [0, 120, 215]
            } else {
                shade(t.taskbar, true)
            };
            fill(
                &mut img,
                w / 2 - self.u(200.0) + i * self.u(48.0),
                bottom + self.u(6.0),
                self.u(28.0),
                self.u(28.0),
                c,
            );
        }
        (img, placed)
    }
}

/// A slightly different tone of `c`, for shadows and raised surfaces.
fn shade(c: [u8; 3], lighter: bool) -> [u8; 3] {
    c.map(|v| {
        if lighter {
            v.saturating_add(14)
        } else {
            v.saturating_sub(14)
        }
    })
}

/// Fills a rectangle, clipped to the picture. One row is built and then
/// copied, which stays fast even in an unoptimised test build.
fn fill(img: &mut RgbImage, x: i32, y: i32, w: i32, h: i32, c: [u8; 3]) {
    let (iw, ih) = (img.width() as i32, img.height() as i32);
    let (x0, y0, x1, y1) = (x.max(0), y.max(0), (x + w).min(iw), (y + h).min(ih));
    if x0 >= x1 || y0 >= y1 {
        return;
    }
    let row: Vec<u8> = c
        .iter()
        .copied()
        .cycle()
        .take((x1 - x0) as usize * 3)
        .collect();
    let stride = iw as usize * 3;
    let buf: &mut [u8] = &mut *img;
    for yy in y0..y1 {
        let start = yy as usize * stride + x0 as usize * 3;
        buf[start..start + row.len()].copy_from_slice(&row);
    }
}

fn png(image: &RgbImage) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    image
        .write_to(&mut out, ImageFormat::Png)
        .expect("PNG encodes in memory");
    out.into_inner()
}

fn jpg(image: &RgbImage, quality: u8) -> Vec<u8> {
    let mut out = Vec::new();
    image
        .write_with_encoder(JpegEncoder::new_with_quality(&mut out, quality))
        .expect("JPEG encodes in memory");
    out
}
