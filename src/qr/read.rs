//! Searching a picture for QR codes, the way people really save them:
//! screenshots at any scaling, tight crops, JPEG, dark pages, tiny codes and
//! phone photos of a monitor. Pure: grey levels in, decoded texts out.
//!
//! The file is decoded within its limits by [`super::decode`]; the grey
//! picture is then looked at in ever more expensive ways ([`STRATEGIES`])
//! until the code the caller wants is found. The order was measured on the
//! generated corpus in `tests/support/corpus.rs`: see
//! `examples/decode_bench.rs`. Every allocation sized by the picture is
//! bounded by one budget ([`MEMORY_BUDGET`]), and the whole search by a work
//! budget that grows linearly with the pixels ([`Work`]): a photo of pixel
//! noise ends with "no QR code" in about the time zbarimg takes
//! (`examples/noise_bench.rs`).

use image::GrayImage;

use super::decode::{MAX_ALLOC, MAX_FILE_BYTES, MAX_PIXELS, QrReadError, decode_luma};

// ---------------------------------------------------------------------------
// The memory budget.
//
// Every allocation the reader makes is sized by the picture, so every size
// is bounded here, once: the file's bytes, the picture's sides and pixels
// (checked in the header before any pixel is decoded), what a decoder may
// ask for, and each derived view (checked by [`view_bytes`] before the view
// is made). The views are made one at a time, so the peak is the file, the
// grey picture and the larger of the decoder and one view: [`MEMORY_BUDGET`].
// An allocation that fails aborts the process past any `catch_unwind`, so a
// bound has to hold before the allocation, not after.

/// Bytes a detector may use per pixel of the view it searches, beyond the
/// view itself: rqrr thresholds a copy of the grey levels in place, and
/// rxing copies them when it reads the negative and keeps a bit a pixel
/// for its binarizer.
pub const DETECTOR_BYTES_PER_PIXEL: u64 = 2;

/// The most one derived view may cost ([`view_bytes`]): the view's own
/// pixels and working rows, and its detector's copies. The dearest view of
/// the largest picture (a white margin around 40 Mpx) fits.
pub const MAX_VIEW_BYTES: u64 = 192 << 20;

/// The most memory reading one picture can take at any moment: the file,
/// the grey picture, and then either the decoder or one view.
pub const MEMORY_BUDGET: u64 = MAX_FILE_BYTES
    + MAX_PIXELS
    + if MAX_ALLOC > MAX_VIEW_BYTES {
        MAX_ALLOC
    } else {
        MAX_VIEW_BYTES
    };

// Half of the 1 GiB of address space the tests allow the whole program:
// the rest is the program itself, its threads' stacks and the allocator's
// per-thread arenas.
const _: () = assert!(MEMORY_BUDGET <= 512 << 20);

/// The bytes `view` of a `width` × `height` grey picture costs while its
/// decoder searches it: the view's pixels and working rows, and
/// [`DETECTOR_BYTES_PER_PIXEL`] for each pixel searched.
pub fn view_bytes(view: View, width: u32, height: u32) -> u64 {
    let w = u64::from(width);
    let (seen_w, seen_h) = view_size(view, width, height);
    let seen = u64::from(seen_w) * u64::from(seen_h);
    let own = match view {
        // The detector's copy is counted below.
        View::AsIs | View::Negative => 0,
        View::Padded => seen,
        // One output row of 32-bit floats and the weights.
        View::ThreeQuarters | View::Doubled => seen + 4 * w + 64 * u64::from(seen_w),
        // One row of 16-bit sums.
        View::Smoothed => seen + 2 * w,
    };
    own + DETECTOR_BYTES_PER_PIXEL * seen
}

/// The sides of `view` of a `width` × `height` picture.
fn view_size(view: View, width: u32, height: u32) -> (u32, u32) {
    let scaled = |v: u32, num: u64, den: u64| (u64::from(v) * num / den).max(1) as u32;
    match view {
        View::AsIs | View::Negative | View::Smoothed => (width, height),
        View::ThreeQuarters => (scaled(width, 3, 4), scaled(height, 3, 4)),
        View::Doubled => (scaled(width, 2, 1), scaled(height, 2, 1)),
        View::Padded => {
            let margin = margin(width, height);
            (width + 2 * margin, height + 2 * margin)
        }
    }
}

/// Reads every QR code in `bytes`, escalating through [`STRATEGIES`] until
/// `wanted` accepts one of the texts found; returns every distinct text
/// found, the wanted ones first.
pub fn read_qr_codes(
    bytes: &[u8],
    wanted: impl Fn(&str) -> bool,
) -> Result<Vec<String>, QrReadError> {
    let luma = decode_luma(bytes)?;
    let mut work = Work::for_picture(luma.width(), luma.height());
    let mut texts = search(&luma, wanted, &mut work);
    if texts.is_empty() {
        return Err(QrReadError::NoQrCode);
    }
    Ok(std::mem::take(&mut texts))
}

/// Looks at `luma` through [`STRATEGIES`] within `work`, until `wanted`
/// accepts a text found; returns every distinct text found, the wanted
/// ones first. A strategy that does not fit what is left of `work`, or an
/// rqrr search with more than [`RQRR_MAX_CANDIDATES`], is not tried, and
/// is noted in [`Work::refused`].
pub fn search(luma: &GrayImage, wanted: impl Fn(&str) -> bool, work: &mut Work) -> Vec<String> {
    let mut found = Found::default();
    for &strategy in STRATEGIES {
        found.add(look_within(luma, strategy, work));
        if found.texts.iter().any(|t| wanted(t)) {
            break;
        }
    }
    // A stable sort keeps the order found within each group.
    found.texts.sort_by_key(|t| !wanted(t));
    found.texts
}

// ---------------------------------------------------------------------------
// The work budget.
//
// Reading a picture must end in a time that grows at most linearly with its
// pixels, whatever the pixels are: the wizard reads every picture that
// appears in a watched folder or on the clipboard. Work is counted in pixels
// visited, not timed, so a picture gets the same answer on any machine.
// Making a view visits the picture once; rxing's binarizer and its
// finder-pattern search visit the view about twice (its finder-pattern
// candidates stay few even on pixel noise: a handful per megapixel, so
// they are not counted); rqrr's threshold and the count of its capstone
// candidates ([`rqrr_candidates`]) visit it twice. rqrr's own search is not
// linear: each capstone candidate may flood-fill a black region as large as
// the picture (on pixel noise, half the picture is one region, and rqrr
// refills it as its cache of 251 regions overflows: 16 s for 4 Mpx of
// noise), so rqrr searches only a view with at most
// [`RQRR_MAX_CANDIDATES`], which bounds its fills.

/// Pixel visits allowed per pixel of the picture: every strategy of
/// [`STRATEGIES`] fits (about 27 visits a pixel for a small picture, whose
/// doubled view alone is 9), so the budget bounds a picture no strategy
/// reads without cutting short one that a strategy does.
pub const WORK_PER_PIXEL: u64 = 32;

/// The most capstone candidates ([`rqrr_candidates`]) a view may have for
/// rqrr to search it. The generated corpus's screenshots have at most
/// about 550 (a 4K screenshot of three codes), its phone photos up to
/// about 2400, and 1 Mpx of pixel noise about 3100.
pub const RQRR_MAX_CANDIDATES: u64 = 1024;

/// What searching one picture may still cost, and what was not tried.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Work {
    /// Pixel visits allowed.
    pub limit: u64,
    /// Pixel visits spent.
    pub spent: u64,
    /// The strategies not tried: over the budget, or too many candidates.
    pub refused: Vec<Strategy>,
}

impl Work {
    /// The budget for a `width` × `height` picture: [`WORK_PER_PIXEL`] a pixel.
    pub fn for_picture(width: u32, height: u32) -> Work {
        Work {
            limit: WORK_PER_PIXEL * u64::from(width) * u64::from(height),
            spent: 0,
            refused: Vec::new(),
        }
    }

    /// Spends `cost` if it fits what is left; false (and `strategy`
    /// refused) if not.
    fn spend(&mut self, strategy: Strategy, cost: u64) -> bool {
        if self.spent + cost > self.limit {
            self.refused.push(strategy);
            return false;
        }
        self.spent += cost;
        true
    }
}

/// The pixel visits `strategy` costs on a `width` × `height` picture before
/// any candidate: making the view, and two visits of the view.
pub fn strategy_cost(Strategy(_, view): Strategy, width: u32, height: u32) -> u64 {
    let (seen_w, seen_h) = view_size(view, width, height);
    let made = match view {
        View::AsIs | View::Negative => 0,
        _ => u64::from(width) * u64::from(height),
    };
    made + 2 * u64::from(seen_w) * u64::from(seen_h)
}

/// Distinct texts in the order they were first found.
#[derive(Default)]
struct Found {
    texts: Vec<String>,
}

impl Found {
    fn add(&mut self, texts: Vec<String>) {
        for text in texts {
            if !self.texts.contains(&text) {
                self.texts.push(text);
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Looking for codes.

/// A QR detector and decoder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decoder {
    /// rqrr, a port of quirc: a row-average threshold and capstone search.
    Rqrr,
    /// rxing, a port of ZXing: the hybrid (8×8-block) binarizer, which
    /// copes with uneven light, and zxing-cpp's finder-pattern search with
    /// "try harder".
    Rxing,
}

/// What the picture is turned into before a [`Decoder`] sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// The grey picture as decoded.
    AsIs,
    /// The negative: light-on-dark codes on dark-themed pages.
    Negative,
    /// Resampled to 3/4: moves the sampling grid of a blurred photo.
    ThreeQuarters,
    /// A white margin added: a tight crop leaves no quiet zone.
    Padded,
    /// A Gaussian blur (σ = 1, binomial): smooths moiré and sensor noise.
    Smoothed,
    /// Doubled (bilinear), for codes under 2 px per module; only for
    /// pictures of at most [`ENLARGE_MAX_PIXELS`].
    Doubled,
}

/// One way of looking at the picture: a view and a decoder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Strategy(pub Decoder, pub View);

/// The strategies [`read_qr_codes`] tries, in order. Measured on the
/// generated corpus (`cargo run --release --example decode_bench --
/// --strategies`): rxing as is reads every screenshot, crop, JPEG, small
/// and multi-code picture at a few milliseconds even at 4K, where rqrr
/// takes ten times longer and misses crops, dark cards and 2 px modules;
/// the negative reads light-on-dark codes; 3/4 resampling reads the blurred,
/// tilted photos no other view reads. The rest are cheap insurance for
/// pictures the corpus does not model, tried only when all else failed.
pub const STRATEGIES: &[Strategy] = &[
    Strategy(Decoder::Rxing, View::AsIs),
    Strategy(Decoder::Rxing, View::Negative),
    Strategy(Decoder::Rxing, View::ThreeQuarters),
    Strategy(Decoder::Rxing, View::Padded),
    Strategy(Decoder::Rxing, View::Smoothed),
    Strategy(Decoder::Rqrr, View::AsIs),
    Strategy(Decoder::Rqrr, View::Negative),
    Strategy(Decoder::Rxing, View::Doubled),
];

/// Every combination, for measuring which ones earn a place in [`STRATEGIES`].
pub const ALL_STRATEGIES: &[Strategy] = &{
    const VIEWS: [View; 6] = [
        View::AsIs,
        View::Negative,
        View::ThreeQuarters,
        View::Padded,
        View::Smoothed,
        View::Doubled,
    ];
    let mut all = [Strategy(Decoder::Rxing, View::AsIs); 2 * VIEWS.len()];
    let mut i = 0;
    while i < VIEWS.len() {
        all[2 * i] = Strategy(Decoder::Rxing, VIEWS[i]);
        all[2 * i + 1] = Strategy(Decoder::Rqrr, VIEWS[i]);
        i += 1;
    }
    all
};

/// The largest picture [`View::Doubled`] enlarges: a code under 2 px per
/// module comes from a small picture, and doubling a 4K screenshot would
/// cost 33 MB and a quarter of a second for nothing.
pub const ENLARGE_MAX_PIXELS: u64 = 4_000_000;

/// The fewest pixels across that can hold a QR code: version 1 is 21
/// modules wide, at 1 px a module. A view narrower than this is not made
/// and not searched.
pub const MIN_CODE_SIDE: u32 = 21;

/// The texts `strategy` finds in `luma`, in the order found. A view that
/// would cost more than [`MAX_VIEW_BYTES`] is not made, and finds nothing.
pub fn look(luma: &GrayImage, strategy: Strategy) -> Vec<String> {
    let mut work = Work::for_picture(luma.width(), luma.height());
    look_within(luma, strategy, &mut work)
}

/// [`look`], spending from `work`; finds nothing when the strategy does
/// not fit it (see [`search`]).
pub fn look_within(luma: &GrayImage, strategy: Strategy, work: &mut Work) -> Vec<String> {
    let Strategy(decoder, view) = strategy;
    let (width, height) = luma.dimensions();
    if view_bytes(view, width, height) > MAX_VIEW_BYTES {
        return Vec::new();
    }
    // Also keeps a picture with no pixels from the resampling, which has
    // nothing to weigh (a GIF may say 0 × 5).
    let (seen_width, seen_height) = view_size(view, width, height);
    if width.min(height) == 0 || seen_width.min(seen_height) < MIN_CODE_SIDE {
        return Vec::new();
    }
    let enlarged_too_far =
        view == View::Doubled && u64::from(width) * u64::from(height) > ENLARGE_MAX_PIXELS;
    if enlarged_too_far || !work.spend(strategy, strategy_cost(strategy, width, height)) {
        return Vec::new();
    }
    let changed = match view {
        View::AsIs | View::Negative => None,
        View::ThreeQuarters => Some(resized(luma, 3, 4)),
        View::Padded => Some(padded(luma)),
        View::Smoothed => Some(smoothed(luma)),
        View::Doubled => Some(resized(luma, 2, 1)),
    };
    let seen = changed.as_ref().unwrap_or(luma);
    let negative = view == View::Negative;
    match decoder {
        Decoder::Rxing => rxing_texts(seen, negative),
        Decoder::Rqrr => {
            let seen = if negative {
                negated(seen)
            } else {
                changed.unwrap_or_else(|| luma.clone())
            };
            if rqrr_candidates(&seen, RQRR_MAX_CANDIDATES) > RQRR_MAX_CANDIDATES {
                work.refused.push(strategy);
                return Vec::new();
            }
            rqrr_texts(seen)
        }
    }
}

/// How many places along its rows rqrr would test for a capstone (finder
/// pattern) in `luma`: a black–white run pattern of about 1:1:3:1:1 after
/// its threshold. Each test may flood-fill a black region, and on pixel
/// noise half the picture is one black region, so rqrr's search grows with
/// these places times the picture. Counted here, before rqrr runs, with
/// rqrr 0.11's own threshold (`PreparedImage::prepare`) and run test
/// (`LineScanner`), on the black and white picture (rqrr recolours regions
/// as it goes, so its own count may differ a little). Counting stops past
/// `enough`.
pub fn rqrr_candidates(luma: &GrayImage, enough: u64) -> u64 {
    let (w, h) = (luma.width() as usize, luma.height() as usize);
    let src = luma.as_raw();
    let threshold_s = (w / 8).max(1);
    let mut row_average = vec![0usize; w];
    let mut black = vec![false; w];
    let (mut avg_v, mut avg_u) = (0usize, 0usize);
    let mut found = 0;
    for y in 0..h {
        let line = &src[y * w..][..w];
        row_average.fill(0);
        for x in 0..w {
            let (v, u) = if y % 2 == 0 {
                (w - 1 - x, x)
            } else {
                (x, w - 1 - x)
            };
            avg_v = avg_v * (threshold_s - 1) / threshold_s + usize::from(line[v]);
            avg_u = avg_u * (threshold_s - 1) / threshold_s + usize::from(line[u]);
            row_average[v] += avg_v;
            row_average[u] += avg_u;
        }
        for ((b, &p), &average) in black.iter_mut().zip(line).zip(&row_average) {
            *b = usize::from(p) < average * (100 - 5) / (200 * threshold_s);
        }
        // The run lengths before the current run, oldest first.
        let mut runs = [0usize; 5];
        let (mut last, mut run, mut changes) = (black[0], 1usize, 0usize);
        // A white pixel past the end closes a pattern at the right edge.
        for &colour in black[1..].iter().chain([false].iter()) {
            if colour == last {
                run += 1;
                continue;
            }
            last = colour;
            runs.rotate_left(1);
            runs[4] = run;
            run = 1;
            changes += 1;
            if !colour && changes >= 5 {
                let avg = (runs[0] + runs[1] + runs[3] + runs[4]) / 4;
                let err = avg * 3 / 4;
                let fits = [1, 1, 3, 1, 1]
                    .iter()
                    .zip(runs)
                    .all(|(&k, r)| r + err >= k * avg && r <= k * avg + err);
                if fits {
                    found += 1;
                    if found > enough {
                        return found;
                    }
                }
            }
        }
    }
    found
}

fn rqrr_texts(luma: GrayImage) -> Vec<String> {
    // Third-party detectors walk untrusted pixels; one that panics has
    // found nothing, and the next strategy gets its turn.
    std::panic::catch_unwind(move || rqrr_search(luma)).unwrap_or_default()
}

fn rqrr_search(luma: GrayImage) -> Vec<String> {
    let mut prepared = rqrr::PreparedImage::prepare(luma);
    prepared
        .detect_grids()
        .into_iter()
        .filter_map(|grid| grid.decode().ok().map(|(_, text)| text))
        .collect()
}

fn rxing_texts(luma: &GrayImage, negative: bool) -> Vec<String> {
    use rxing::multi::MultipleBarcodeReader;
    use rxing::{
        BarcodeFormat, BinaryBitmap, DecodeHints, Luma8Source, LuminanceSource,
        common::HybridBinarizer,
    };

    // Borrowed, not copied: a 4K picture is 8 MB of grey levels.
    let Ok(mut source) = Luma8Source::new_with_slice(luma.as_raw(), luma.width(), luma.height())
    else {
        return Vec::new();
    };
    if negative {
        // A flag on the source, not a copy of the picture.
        source.invert();
    }
    let hints = DecodeHints {
        TryHarder: Some(true),
        PossibleFormats: Some([BarcodeFormat::QR_CODE].into()),
        ..DecodeHints::default()
    };
    let mut bitmap = BinaryBitmap::new(HybridBinarizer::new(source));
    let search = std::panic::AssertUnwindSafe(|| {
        rxing::qrcode::cpp_port::QrReader
            .decode_multiple_with_hints(&mut bitmap, &hints)
            .map(|results| {
                results
                    .into_iter()
                    .map(|r| r.getText().to_string())
                    .collect()
            })
            .unwrap_or_default()
    });
    // See rqrr_texts: a panicking detector has found nothing.
    std::panic::catch_unwind(search).unwrap_or_default()
}

/// Resamples by `num/den` with a triangle (bilinear) filter: the same
/// weights and sums as `image::imageops::resize` with
/// `FilterType::Triangle`, so the same grey levels, but a row at a time.
/// `image` keeps the whole vertical pass as 4 × 32-bit floats a pixel, which
/// for 40 Mpx at 3/4 would be 480 MB; a row of floats is 64 KB at most.
fn resized(luma: &GrayImage, num: u32, den: u32) -> GrayImage {
    let (width, height) = luma.dimensions();
    let side = |v: u32| (u64::from(v) * u64::from(num) / u64::from(den)).max(1) as u32;
    let (new_width, new_height) = (side(width), side(height));
    let columns = triangle_weights(width, new_width);
    let src = luma.as_raw();
    let stride = width as usize;
    let mut row = vec![0f32; stride];
    let mut out = GrayImage::new(new_width, new_height);
    let mut out_rows = out.chunks_exact_mut(new_width as usize);
    for (top, weights) in triangle_weights(height, new_height) {
        // The vertical pass for this output row, as image's vertical_sample.
        row.fill(0.0);
        for (i, w) in weights.iter().enumerate() {
            let line = &src[(top as usize + i) * stride..][..stride];
            for (sum, &p) in row.iter_mut().zip(line) {
                *sum += f32::from(p) * w;
            }
        }
        // The horizontal pass, as image's horizontal_sample.
        let Some(out_row) = out_rows.next() else {
            break;
        };
        for (pixel, (left, weights)) in out_row.iter_mut().zip(&columns) {
            let mut sum = 0.0;
            for (i, w) in weights.iter().enumerate() {
                sum += row[*left as usize + i] * w;
            }
            *pixel = sum.clamp(0.0, 255.0).round() as u8;
        }
    }
    out
}

/// For each of `to` output pixels along a side of `from` pixels: the first
/// input pixel it reads and the normalised triangle weights of the inputs
/// from there (image 0.25 `sample.rs`, support 1 scaled when shrinking).
fn triangle_weights(from: u32, to: u32) -> Vec<(u32, Vec<f32>)> {
    let ratio = from as f32 / to as f32;
    let sratio = ratio.max(1.0);
    let support = sratio;
    (0..to)
        .map(|out| {
            let centre = (out as f32 + 0.5) * ratio;
            let left = ((centre - support).floor() as i64).clamp(0, i64::from(from) - 1);
            let right = ((centre + support).ceil() as i64).clamp(left + 1, i64::from(from));
            let centre = centre - 0.5;
            let mut weights: Vec<f32> = (left..right)
                .map(|i| {
                    let x = ((i as f32 - centre) / sratio).abs();
                    if x < 1.0 { 1.0 - x } else { 0.0 }
                })
                .collect();
            let sum: f32 = weights.iter().sum();
            for w in &mut weights {
                *w /= sum;
            }
            (left as u32, weights)
        })
        .collect()
}

fn negated(luma: &GrayImage) -> GrayImage {
    let mut out = luma.clone();
    image::imageops::invert(&mut out);
    out
}

/// The white margin [`padded`] adds: a tenth of the shorter side, at least
/// 8 px. ISO 18004 asks for a 4-module quiet zone; a code fits within the
/// shorter side and has at least 21 modules (41–49 for an otpauth URI), so
/// a tenth of that side is at least its quiet zone in a tight crop. (A
/// tenth of the longer side would make a 1 000 000 × 40 strip 240 GB.)
fn margin(width: u32, height: u32) -> u32 {
    (width.min(height) / 10).max(8)
}

/// Adds a white margin ([`margin`]): a tight crop leaves no quiet zone.
fn padded(luma: &GrayImage) -> GrayImage {
    let margin = margin(luma.width(), luma.height());
    let mut out = GrayImage::from_pixel(
        luma.width() + 2 * margin,
        luma.height() + 2 * margin,
        image::Luma([255]),
    );
    image::imageops::replace(&mut out, luma, i64::from(margin), i64::from(margin));
    out
}

/// A Gaussian blur with σ = 1 as the binomial kernel 1 4 6 4 1 (whose
/// variance is exactly 1) in both directions, edges repeated. Sums of a
/// column are kept for one row at a time, where `image`'s blur keeps two
/// 32-bit float copies of the whole picture.
fn smoothed(luma: &GrayImage) -> GrayImage {
    const TAPS: [u32; 5] = [1, 4, 6, 4, 1];
    let (width, height) = luma.dimensions();
    let src = luma.as_raw();
    let stride = width as usize;
    let clamp = |v: i64, len: u32| v.clamp(0, i64::from(len) - 1) as usize;
    let mut column_sums = vec![0u16; stride];
    let mut out = GrayImage::new(width, height);
    for (y, out_row) in out.chunks_exact_mut(stride).enumerate() {
        column_sums.fill(0);
        for (k, tap) in TAPS.iter().enumerate() {
            let line = &src[clamp(y as i64 + k as i64 - 2, height) * stride..][..stride];
            for (sum, &p) in column_sums.iter_mut().zip(line) {
                // At most 16 × 255: fits 16 bits.
                *sum += *tap as u16 * u16::from(p);
            }
        }
        for (x, pixel) in out_row.iter_mut().enumerate() {
            let total: u32 = TAPS
                .iter()
                .enumerate()
                .map(|(k, tap)| tap * u32::from(column_sums[clamp(x as i64 + k as i64 - 2, width)]))
                .sum();
            *pixel = ((total + 128) / 256) as u8;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::qr::decode::{MAX_SIDE, within_limits};
    use image::{DynamicImage, ImageFormat, Luma, RgbImage};
    use std::io::Cursor;
    use std::time::{Duration, Instant};

    const KEY: &str = "otpauth://totp/%C3%9Cgyf%C3%A9lkapu%2B:kovacs.maria?secret=JBSWY3DPEHPK3PXP&issuer=%C3%9Cgyf%C3%A9lkapu%2B";
    const LINK: &str = "https://ugyfelkapu.gov.hu/";

    fn is_otpauth(text: &str) -> bool {
        text.get(..8)
            .is_some_and(|s| s.eq_ignore_ascii_case("otpauth:"))
    }

    /// `texts` as QR codes side by side at 4 px per module, quiet zones included.
    fn codes(texts: &[&str]) -> GrayImage {
        let module = 4;
        let grids: Vec<(Vec<qrcode::Color>, u32)> = texts
            .iter()
            .map(|t| {
                let code =
                    qrcode::QrCode::with_error_correction_level(t, qrcode::EcLevel::M).unwrap();
                (code.to_colors(), code.width() as u32)
            })
            .collect();
        let side = grids.iter().map(|(_, n)| n + 8).max().unwrap() * module;
        let mut out = GrayImage::from_pixel(side * texts.len() as u32, side, Luma([255]));
        for (i, (colors, n)) in grids.iter().enumerate() {
            for (at, color) in colors.iter().enumerate() {
                if *color == qrcode::Color::Dark {
                    let (mx, my) = (at as u32 % n + 4, at as u32 / n + 4);
                    for p in 0..module * module {
                        let (x, y) = (
                            i as u32 * side + mx * module + p % module,
                            my * module + p / module,
                        );
                        out.put_pixel(x, y, Luma([0]));
                    }
                }
            }
        }
        out
    }

    /// Encodes as RGB, which every format's encoder takes.
    fn encode(image: &GrayImage, format: ImageFormat) -> Vec<u8> {
        encode_rgb(&DynamicImage::ImageLuma8(image.clone()).to_rgb8(), format)
    }

    /// A noisy picture: compresses badly, so a cut lands in the pixel data.
    fn noise() -> RgbImage {
        let mut state = 0x2545_f491_u32;
        RgbImage::from_fn(96, 64, |_, _| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            image::Rgb([state as u8, (state >> 8) as u8, (state >> 16) as u8])
        })
    }

    fn encode_rgb(image: &RgbImage, format: ImageFormat) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        image.write_to(&mut out, format).unwrap();
        out.into_inner()
    }

    /// CRC-32 (ISO 3309) as PNG chunks need it.
    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = !0u32;
        for &b in bytes {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xedb8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }

    /// A valid 1×1 PNG whose header then claims `width`×`height`.
    fn png_claiming(width: u32, height: u32) -> Vec<u8> {
        let mut png = encode(&GrayImage::new(1, 1), ImageFormat::Png);
        // IHDR data starts after the signature (8), length (4) and type (4).
        png[16..20].copy_from_slice(&width.to_be_bytes());
        png[20..24].copy_from_slice(&height.to_be_bytes());
        let crc = crc32(&png[12..29]);
        png[29..33].copy_from_slice(&crc.to_be_bytes());
        png
    }

    /// A valid small JPEG whose frame header then claims `width`×`height`.
    fn jpeg_claiming(width: u16, height: u16) -> Vec<u8> {
        let mut jpeg = encode(&GrayImage::new(8, 8), ImageFormat::Jpeg);
        let sof = jpeg.windows(2).position(|w| w == [0xff, 0xc0]).unwrap();
        // SOF0: marker (2), length (2), precision (1), height (2), width (2).
        jpeg[sof + 5..sof + 7].copy_from_slice(&height.to_be_bytes());
        jpeg[sof + 7..sof + 9].copy_from_slice(&width.to_be_bytes());
        jpeg
    }

    fn unsupported_named(name: &str) -> Result<Vec<String>, QrReadError> {
        Err(QrReadError::Unsupported {
            format: name.into(),
        })
    }

    #[test]
    fn bad_pictures_get_their_error() {
        let png = encode_rgb(&noise(), ImageFormat::Png);
        let jpeg = encode_rgb(&noise(), ImageFormat::Jpeg);
        let mut damaged = png.clone();
        let middle = damaged.len() / 2;
        damaged[middle..middle + 16].fill(0x55);
        let blank = encode(
            &GrayImage::from_pixel(64, 64, Luma([200])),
            ImageFormat::Png,
        );
        type Case = (&'static str, Vec<u8>, Result<Vec<String>, QrReadError>);
        let cases: Vec<Case> = vec![
            ("empty file", vec![], Err(QrReadError::Empty)),
            (
                "plain text",
                b"otpauth://totp/not-a-picture".to_vec(),
                Err(QrReadError::NotAnImage),
            ),
            ("zeros", vec![0; 100], Err(QrReadError::NotAnImage)),
            (
                "HEIC",
                b"\0\0\0\x18ftypheic\0\0\0\0mif1heic\0\0\0\0".to_vec(),
                unsupported_named("HEIC"),
            ),
            (
                "AVIF",
                b"\0\0\0\x1cftypavif\0\0\0\0avifmif1miaf\0\0\0\0".to_vec(),
                unsupported_named("AVIF"),
            ),
            (
                "SVG",
                b"<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>".to_vec(),
                unsupported_named("SVG"),
            ),
            (
                "bare SVG",
                b"  <svg width=\"10\" height=\"10\"></svg>".to_vec(),
                unsupported_named("SVG"),
            ),
            (
                "PDF",
                b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj".to_vec(),
                unsupported_named("PDF"),
            ),
            (
                "JPEG XL",
                b"\xff\x0a\xfa\x7f\x01\x90\x08\x06\x01\x00".to_vec(),
                unsupported_named("JPEG XL"),
            ),
            (
                "QOI",
                b"qoif\0\0\0\x10\0\0\0\x10\x04\x00\0\0\0\0\0\0\0\x01".to_vec(),
                unsupported_named("QOI"),
            ),
            (
                "PNG signature cut",
                b"\x89PNG".to_vec(),
                Err(QrReadError::Truncated),
            ),
            (
                "PNG header cut",
                png[..20].to_vec(),
                Err(QrReadError::Truncated),
            ),
            (
                "PNG data cut",
                png[..png.len() / 2].to_vec(),
                Err(QrReadError::Truncated),
            ),
            (
                "PNG end cut",
                png[..png.len() - 6].to_vec(),
                Err(QrReadError::Truncated),
            ),
            (
                "JPEG header cut",
                jpeg[..40].to_vec(),
                Err(QrReadError::Truncated),
            ),
            (
                "JPEG data cut",
                jpeg[..jpeg.len() / 2].to_vec(),
                Err(QrReadError::Truncated),
            ),
            (
                "JPEG end cut",
                jpeg[..jpeg.len() - 2].to_vec(),
                Err(QrReadError::Truncated),
            ),
            ("PNG damaged", damaged, Err(QrReadError::Corrupt)),
            (
                "PNG bomb",
                png_claiming(100_000, 100_000),
                Err(QrReadError::TooLarge {
                    width: 100_000,
                    height: 100_000,
                }),
            ),
            (
                "PNG just over",
                png_claiming(8000, 5001),
                Err(QrReadError::TooLarge {
                    width: 8000,
                    height: 5001,
                }),
            ),
            (
                "PNG long and thin",
                png_claiming(1_000_000, 40),
                Err(QrReadError::TooLarge {
                    width: 1_000_000,
                    height: 40,
                }),
            ),
            (
                "PNG within the pixels, too wide",
                png_claiming(100_000, 400),
                Err(QrReadError::TooLarge {
                    width: 100_000,
                    height: 400,
                }),
            ),
            (
                "PNG just too tall",
                png_claiming(100, MAX_SIDE + 1),
                Err(QrReadError::TooLarge {
                    width: 100,
                    height: MAX_SIDE + 1,
                }),
            ),
            (
                "JPEG bomb",
                jpeg_claiming(65_535, 65_535),
                Err(QrReadError::TooLarge {
                    width: 65_535,
                    height: 65_535,
                }),
            ),
            ("no code", blank, Err(QrReadError::NoQrCode)),
        ];
        for (name, bytes, expected) in cases {
            assert_eq!(read_qr_codes(&bytes, is_otpauth), expected, "{name}");
        }
    }

    #[test]
    fn a_cut_anywhere_is_truncated() {
        // image 0.25 fills a cut JPEG with grey and may stop reading a PNG
        // before its end, so both are checked by their structure; other
        // formats report an UnexpectedEof.
        for format in [
            ImageFormat::Png,
            ImageFormat::Jpeg,
            ImageFormat::Gif,
            ImageFormat::Bmp,
            ImageFormat::Tiff,
        ] {
            let whole = encode_rgb(&noise(), format);
            for tenth in 1..10 {
                let cut = &whole[..whole.len() * tenth / 10];
                assert_eq!(
                    read_qr_codes(cut, is_otpauth),
                    Err(QrReadError::Truncated),
                    "{format:?} cut at {tenth}/10"
                );
            }
        }
    }

    /// A GIF whose screen is `width` × `height`, with one white 1×1 frame
    /// (LZW codes clear, 0, end at 3 bits each): image decodes a screen of
    /// 0 × 5 to a picture of 0 × 5.
    fn gif_sized(width: u16, height: u16) -> Vec<u8> {
        let mut gif = b"GIF89a".to_vec();
        gif.extend(width.to_le_bytes());
        gif.extend(height.to_le_bytes());
        // A global colour table of two entries: white and black.
        gif.extend([0x80, 0, 0, 255, 255, 255, 0, 0, 0]);
        gif.extend([b',', 0, 0, 0, 0, 1, 0, 1, 0, 0]);
        gif.extend([2, 2, 0b0100_0100, 0b0000_0001, 0]);
        gif.push(b';');
        gif
    }

    /// A valid 4×4 BMP whose header then claims `width`×`height`.
    fn bmp_claiming(width: i32, height: i32) -> Vec<u8> {
        let mut bmp = encode(&GrayImage::new(4, 4), ImageFormat::Bmp);
        // BITMAPINFOHEADER after the 14-byte file header: size (4), width, height.
        bmp[18..22].copy_from_slice(&width.to_le_bytes());
        bmp[22..26].copy_from_slice(&height.to_le_bytes());
        bmp
    }

    /// A valid 4×4 TIFF whose first directory then claims `width`×`height`.
    fn tiff_claiming(width: u32, height: u32) -> Vec<u8> {
        let mut tiff = encode(&GrayImage::new(4, 4), ImageFormat::Tiff);
        assert_eq!(&tiff[..4], b"II*\0", "image writes little-endian TIFF");
        let u16_at = |b: &[u8], at: usize| usize::from(u16::from_le_bytes([b[at], b[at + 1]]));
        let ifd = u32::from_le_bytes(tiff[4..8].try_into().unwrap()) as usize;
        for entry in 0..u16_at(&tiff, ifd) {
            // An entry: tag (2), type (2), count (4), value (4).
            let at = ifd + 2 + 12 * entry;
            let value = match u16_at(&tiff, at) {
                256 => width,
                257 => height,
                _ => continue,
            };
            match u16_at(&tiff, at + 2) {
                3 => tiff[at + 8..at + 10].copy_from_slice(&(value as u16).to_le_bytes()),
                _ => tiff[at + 8..at + 12].copy_from_slice(&value.to_le_bytes()),
            }
        }
        tiff
    }

    #[test]
    fn a_picture_without_pixels_is_refused() {
        for (width, height) in [(0u16, 5u16), (5, 0), (0, 0), (0, 1000), (1000, 0)] {
            let (w, h) = (u32::from(width), u32::from(height));
            let no_pixels = Err(QrReadError::NoPixels {
                width: w,
                height: h,
            });
            // WebP cannot say 0: its headers hold the width less one.
            let cases = [
                ("GIF", gif_sized(width, height)),
                ("BMP", bmp_claiming(w as i32, h as i32)),
                ("BMP top-down", bmp_claiming(w as i32, -(h as i32))),
                ("TIFF", tiff_claiming(w, h)),
                ("PNG", png_claiming(w, h)),
                ("JPEG", jpeg_claiming(width, height)),
            ];
            for (format, bytes) in cases {
                assert_eq!(
                    read_qr_codes(&bytes, is_otpauth),
                    no_pixels,
                    "{format} of {width} × {height}"
                );
            }
        }
    }

    #[test]
    fn a_tiny_picture_has_no_code() {
        for (width, height) in [(1, 1), (1, 9), (9, 1), (2, 2), (1, 300), (300, 1), (20, 20)] {
            let picture =
                GrayImage::from_fn(width, height, |x, y| Luma([((x + y) % 2 * 255) as u8]));
            for format in [
                ImageFormat::Png,
                ImageFormat::Jpeg,
                ImageFormat::Gif,
                ImageFormat::Bmp,
                ImageFormat::Tiff,
                ImageFormat::WebP,
            ] {
                assert_eq!(
                    read_qr_codes(&encode(&picture, format), is_otpauth),
                    Err(QrReadError::NoQrCode),
                    "{format:?} of {width} × {height}"
                );
            }
            for &strategy in ALL_STRATEGIES {
                assert!(look(&picture, strategy).is_empty(), "{strategy:?}");
            }
        }
    }

    #[test]
    fn no_view_of_an_empty_picture_panics() {
        for (width, height) in [(0, 0), (0, 7), (7, 0)] {
            for &strategy in ALL_STRATEGIES {
                assert!(
                    look(&GrayImage::new(width, height), strategy).is_empty(),
                    "{strategy:?} of {width} × {height}"
                );
            }
        }
    }

    #[test]
    fn a_bomb_is_refused_at_once() {
        for bomb in [png_claiming(60_000, 60_000), jpeg_claiming(60_000, 60_000)] {
            let start = Instant::now();
            assert!(matches!(
                read_qr_codes(&bomb, is_otpauth),
                Err(QrReadError::TooLarge { .. })
            ));
            assert!(
                start.elapsed() < Duration::from_secs(1),
                "took {:?}",
                start.elapsed()
            );
        }
    }

    #[test]
    fn every_supported_format_is_read() {
        let picture = codes(&[KEY]);
        for format in [
            ImageFormat::Png,
            ImageFormat::Jpeg,
            ImageFormat::Gif,
            ImageFormat::Bmp,
            ImageFormat::Tiff,
            ImageFormat::WebP,
        ] {
            let bytes = encode(&picture, format);
            assert_eq!(
                read_qr_codes(&bytes, is_otpauth),
                Ok(vec![KEY.to_string()]),
                "{format:?}"
            );
        }
    }

    #[test]
    fn the_wanted_code_comes_first() {
        let bytes = encode(&codes(&[LINK, KEY]), ImageFormat::Png);
        assert_eq!(read_qr_codes(&bytes, is_otpauth).unwrap()[0], KEY);
        assert_eq!(read_qr_codes(&bytes, |t| t == LINK).unwrap()[0], LINK);
        let mut all = read_qr_codes(&bytes, |_| false).unwrap();
        all.sort();
        assert_eq!(
            all,
            [LINK, KEY],
            "asked for nothing, every code is returned once"
        );
    }

    #[test]
    fn light_on_dark_and_edge_to_edge_codes_are_read() {
        let mut negative = codes(&[KEY]);
        image::imageops::invert(&mut negative);
        assert_eq!(
            read_qr_codes(&encode(&negative, ImageFormat::Png), is_otpauth),
            Ok(vec![KEY.to_string()])
        );
        // A crop with no quiet zone at all: 4 modules of 4 px cut off each side.
        let whole = codes(&[KEY]);
        let side = whole.width() - 32;
        let tight = image::imageops::crop_imm(&whole, 16, 16, side, side).to_image();
        assert_eq!(
            read_qr_codes(&encode(&tight, ImageFormat::Png), is_otpauth),
            Ok(vec![KEY.to_string()])
        );
    }

    #[test]
    fn views_keep_the_picture_readable() {
        let picture = codes(&[KEY]);
        for view in [
            View::ThreeQuarters,
            View::Padded,
            View::Smoothed,
            View::Doubled,
        ] {
            assert_eq!(
                look(&picture, Strategy(Decoder::Rxing, view)),
                [KEY],
                "{view:?}"
            );
        }
        assert_eq!(look(&picture, Strategy(Decoder::Rqrr, View::AsIs)), [KEY]);
        let mut negative = picture.clone();
        image::imageops::invert(&mut negative);
        assert_eq!(
            look(&negative, Strategy(Decoder::Rqrr, View::Negative)),
            [KEY]
        );
        assert_eq!(
            look(&negative, Strategy(Decoder::Rxing, View::Negative)),
            [KEY]
        );
    }

    /// The extreme shapes within the limits, and the screens people have.
    const SHAPES: &[(u32, u32)] = &[
        (MAX_SIDE, (MAX_PIXELS / MAX_SIDE as u64) as u32),
        ((MAX_PIXELS / MAX_SIDE as u64) as u32, MAX_SIDE),
        (6324, 6324),
        (MAX_SIDE, 1),
        (1, MAX_SIDE),
        (7680, 4320),
        (7680, 2160),
        (3840, 2160),
        (2000, 2000),
        (1, 1),
    ];

    #[test]
    fn every_view_of_every_shape_within_the_limits_fits_the_budget() {
        for &(width, height) in SHAPES {
            assert!(within_limits(width, height), "{width} × {height}");
            for &Strategy(_, view) in ALL_STRATEGIES {
                let doubled_skipped = view == View::Doubled
                    && u64::from(width) * u64::from(height) > ENLARGE_MAX_PIXELS;
                if doubled_skipped {
                    continue;
                }
                let bytes = view_bytes(view, width, height);
                assert!(
                    bytes <= MAX_VIEW_BYTES,
                    "{view:?} of {width} × {height} costs {} MiB",
                    bytes >> 20
                );
            }
        }
        // What the margin used to be (a tenth of the longer side) would not.
        let margin_of_old = u64::from(MAX_SIDE / 10);
        let old_padded = (u64::from(MAX_SIDE) + 2 * margin_of_old) * (2441 + 2 * margin_of_old) * 3;
        assert!(old_padded > MAX_VIEW_BYTES);
    }

    #[test]
    fn a_view_over_the_budget_is_not_made() {
        // Over MAX_PIXELS, so decode_luma never gives it; look still
        // refuses to pad it rather than trust its caller.
        let mut huge = GrayImage::from_pixel(7000, 7000, Luma([255]));
        image::imageops::replace(&mut huge, &codes(&[KEY]), 3000, 3000);
        assert!(view_bytes(View::Padded, 7000, 7000) > MAX_VIEW_BYTES);
        // A code any view would read: only the guard keeps it unread.
        assert_eq!(look(&huge, Strategy(Decoder::Rxing, View::AsIs)), [KEY]);
        assert!(look(&huge, Strategy(Decoder::Rxing, View::Padded)).is_empty());
    }

    #[test]
    fn resampling_matches_image_to_the_grey_level() {
        let noisy = DynamicImage::ImageRgb8(noise()).to_luma8();
        let odd = image::imageops::crop_imm(&noisy, 0, 0, 95, 61).to_image();
        for picture in [&noisy, &odd, &codes(&[KEY])] {
            for (num, den) in [(3, 4), (2, 1), (1, 2)] {
                let side = |v: u32| (u64::from(v) * num / den).max(1) as u32;
                let theirs = image::imageops::resize(
                    picture,
                    side(picture.width()),
                    side(picture.height()),
                    image::imageops::FilterType::Triangle,
                );
                assert_eq!(
                    resized(picture, num as u32, den as u32),
                    theirs,
                    "{num}/{den} of {} × {}",
                    picture.width(),
                    picture.height()
                );
            }
        }
    }

    #[test]
    fn smoothing_keeps_flat_grey_and_spreads_a_dot() {
        let flat = GrayImage::from_pixel(9, 7, Luma([137]));
        assert_eq!(smoothed(&flat), flat);
        let mut dot = GrayImage::new(9, 9);
        dot.put_pixel(4, 4, Luma([255]));
        let out = smoothed(&dot);
        // 255 × 6 × 6 / 256, and the kernel's corner 255 × 1 × 1 / 256.
        assert_eq!(out.get_pixel(4, 4).0[0], 36);
        assert_eq!(out.get_pixel(2, 2).0[0], 1);
        assert_eq!(out.get_pixel(1, 1).0[0], 0);
    }

    #[test]
    fn the_margin_comes_from_the_shorter_side() {
        assert_eq!(margin(1_000_000, 40), 8);
        assert_eq!(margin(400, 300), 30);
        let strip = GrayImage::new(2000, 40);
        assert_eq!(padded(&strip).dimensions(), (2016, 56));
    }

    #[test]
    fn a_big_picture_is_not_doubled() {
        let mut wide = GrayImage::from_pixel(4000, 1001, Luma([255]));
        image::imageops::replace(&mut wide, &codes(&[KEY]), 1800, 300);
        // A code any view would read: only the size keeps it unread.
        assert_eq!(look(&wide, Strategy(Decoder::Rxing, View::AsIs)), [KEY]);
        assert!(look(&wide, Strategy(Decoder::Rxing, View::Doubled)).is_empty());
    }

    /// Grey pixel noise from xorshift64*, seeded: no code, and to rqrr's
    /// threshold half of it one black region.
    fn grey_noise(width: u32, height: u32) -> GrayImage {
        let mut state = 0x006e_6f69_7365_u64;
        GrayImage::from_fn(width, height, |_, _| {
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            Luma([(state.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 56) as u8])
        })
    }

    #[test]
    fn the_work_counter_stops_the_search_on_noise() {
        let noise = grey_noise(1200, 900);
        assert!(rqrr_candidates(&noise, u64::MAX) > RQRR_MAX_CANDIDATES);
        let mut work = Work::for_picture(1200, 900);
        assert!(search(&noise, is_otpauth, &mut work).is_empty());
        assert_eq!(
            work.refused,
            [
                Strategy(Decoder::Rqrr, View::AsIs),
                Strategy(Decoder::Rqrr, View::Negative)
            ],
            "rqrr does not search pixel noise"
        );
        assert!(work.spent <= work.limit);
        // A clean picture keeps rqrr, and every strategy fits the budget.
        let clean = codes(&[KEY]);
        assert!(rqrr_candidates(&clean, u64::MAX) <= RQRR_MAX_CANDIDATES);
        let mut work = Work::for_picture(clean.width(), clean.height());
        assert!(search(&clean, |_| false, &mut work).contains(&KEY.to_string()));
        assert_eq!(work.refused, [], "spent {} of {}", work.spent, work.limit);
    }

    #[test]
    fn a_strategy_over_the_budget_is_not_tried() {
        let picture = codes(&[KEY]);
        let (w, h) = picture.dimensions();
        let strategy = Strategy(Decoder::Rxing, View::AsIs);
        let cost = strategy_cost(strategy, w, h);
        let mut work = Work {
            limit: cost - 1,
            spent: 0,
            refused: Vec::new(),
        };
        assert!(look_within(&picture, strategy, &mut work).is_empty());
        assert_eq!(work.refused, [strategy]);
        work.limit = cost;
        assert_eq!(look_within(&picture, strategy, &mut work), [KEY]);
        assert_eq!(work.spent, cost);
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(64))]

        #[test]
        fn never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..512)) {
            let _ = read_qr_codes(&bytes, is_otpauth);
        }

        #[test]
        fn never_panics_on_a_damaged_picture(at in 0usize..4096, junk in proptest::collection::vec(proptest::num::u8::ANY, 1..64)) {
            for format in [ImageFormat::Png, ImageFormat::Jpeg, ImageFormat::Gif, ImageFormat::WebP] {
                let mut bytes = encode(&codes(&[LINK]), format);
                let at = at % bytes.len();
                let end = (at + junk.len()).min(bytes.len());
                bytes[at..end].copy_from_slice(&junk[..end - at]);
                let _ = read_qr_codes(&bytes, is_otpauth);
            }
        }
    }
}
