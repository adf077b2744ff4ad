/**
 * Deterministic, code-drawn SVG artwork for Silk Road Showcase.
 *
 * Pure module: no I/O, no Math.random, no Date. The same input always yields
 * the byte-identical SVG string. Everything is drawn from flat vector shapes;
 * there is no text (labels are added by the page in the shopper's language),
 * no scripts and no external references. Internal ids (patterns, clip paths)
 * are derived from the input, so several SVGs can be inlined on one page.
 */

export type ArtCategory =
  | "coffee"
  | "tea"
  | "spices"
  | "skincare"
  | "textiles"
  | "crafts"
  | "art"
  | "jewellery"
  | "foods"
  | "beauty"
  | "leather"
  | "home";

export const ART_CATEGORIES: readonly ArtCategory[] = [
  "coffee",
  "tea",
  "spices",
  "skincare",
  "textiles",
  "crafts",
  "art",
  "jewellery",
  "foods",
  "beauty",
  "leather",
  "home",
];

export const PRODUCT_ART_SIZE = { width: 600, height: 600 } as const;
export const STORE_ART_SIZE = { width: 1200, height: 500 } as const;

// ---------------------------------------------------------------------------
// Seeded randomness
// ---------------------------------------------------------------------------

/** cyrb53-style string hash folded to 32 bits. */
function hash32(str: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 ^ h2) >>> 0;
}

class Rng {
  private a: number;
  constructor(seed: number) {
    this.a = seed | 0;
  }
  /** mulberry32: uniform in [0, 1). */
  next(): number {
    this.a = (this.a + 0x6d2b79f5) | 0;
    let t = Math.imul(this.a ^ (this.a >>> 15), 1 | this.a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  range(min: number, max: number): number {
    return min + (max - min) * this.next();
  }
  /** Integer in [min, max] inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = out[i];
      out[i] = out[j];
      out[j] = tmp;
    }
    return out;
  }
}

// ---------------------------------------------------------------------------
// Tiny SVG builder
// ---------------------------------------------------------------------------

/** Round to at most one decimal; never prints "-0". */
function f(x: number): string {
  const r = Math.round(x * 10) / 10;
  return r === 0 ? "0" : String(r);
}

/** Tagged template for path data / transforms: formats every number with f(). */
function D(strs: TemplateStringsArray, ...vals: number[]): string {
  let s = strs[0];
  for (let i = 0; i < vals.length; i++) s += f(vals[i]) + strs[i + 1];
  return s;
}

type AttrVal = string | number | undefined | null | false;

function el(name: string, attrs: Record<string, AttrVal>, children?: string): string {
  let s = "<" + name;
  for (const k of Object.keys(attrs)) {
    const v = attrs[k];
    if (v === undefined || v === null || v === false) continue;
    s += ` ${k}="${typeof v === "number" ? f(v) : v}"`;
  }
  return children === undefined ? s + "/>" : s + ">" + children + "</" + name + ">";
}

function tr(x: number, y: number, rot = 0, sx = 1, sy = sx): string {
  let s = D`translate(${x} ${y})`;
  if (Math.round(rot * 10) !== 0) s += D` rotate(${rot})`;
  // note: like every number in the output, scale factors are rounded to one decimal
  if (f(sx) !== "1" || f(sy) !== "1") s += sx === sy ? D` scale(${sx})` : D` scale(${sx} ${sy})`;
  return s;
}

const g = (transform: string, inner: string, extra: Record<string, AttrVal> = {}) =>
  el("g", { transform, ...extra }, inner);
const path = (d: string, fill: string, extra: Record<string, AttrVal> = {}) =>
  el("path", { d, fill, ...extra });
const line = (d: string, stroke: string, width: number, extra: Record<string, AttrVal> = {}) =>
  el("path", { d, fill: "none", stroke, "stroke-width": width, "stroke-linecap": "round", "stroke-linejoin": "round", ...extra });
const circle = (cx: number, cy: number, r: number, fill: string, extra: Record<string, AttrVal> = {}) =>
  el("circle", { cx, cy, r, fill, ...extra });
const ellipse = (cx: number, cy: number, rx: number, ry: number, fill: string, extra: Record<string, AttrVal> = {}) =>
  el("ellipse", { cx, cy, rx, ry, fill, ...extra });
const rect = (x: number, y: number, w: number, h: number, fill: string, extra: Record<string, AttrVal> = {}) =>
  el("rect", { x, y, width: w, height: h, fill, ...extra });

const rectD = (x: number, y: number, w: number, h: number) => D`M${x} ${y}h${w}v${h}h${-w}z`;
/** Circle as a path fragment (so many dots can share one <path>). */
const dotD = (x: number, y: number, r: number) => D`M${x - r} ${y}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0z`;

/**
 * Groups path fragments by (layer, fill colour) so repeated shapes cost one
 * element per colour. Lower layers are painted first; within a layer, colours
 * keep their first-use order.
 */
class Ink {
  private m = new Map<string, { layer: number; fill: string; d: string }>();
  add(fill: string, d: string, layer = 0): void {
    const key = layer + "|" + fill;
    const cur = this.m.get(key);
    if (cur) cur.d += d;
    else this.m.set(key, { layer, fill, d });
  }
  svg(): string {
    const items = [...this.m.values()];
    const layers = [...new Set(items.map((i) => i.layer))].sort((a, b) => a - b);
    let s = "";
    for (const l of layers) for (const i of items) if (i.layer === l) s += path(i.d, i.fill);
    return s;
  }
}

/** Lighten (amt > 0, towards white) or darken (amt < 0, towards black) a #rrggbb colour. */
function shade(hex: string, amt: number): string {
  const n = parseInt(hex.slice(1), 16);
  const target = amt > 0 ? 255 : 0;
  const a = Math.abs(amt);
  const ch = (v: number) => Math.round(v + (target - v) * a);
  const r = ch((n >> 16) & 255);
  const gg = ch((n >> 8) & 255);
  const b = ch(n & 255);
  return "#" + ((1 << 24) | (r << 16) | (gg << 8) | b).toString(16).slice(1);
}

function cubic(p: number[], t: number): [number, number] {
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const c = 3 * u * t * t;
  const d = t * t * t;
  return [a * p[0] + b * p[2] + c * p[4] + d * p[6], a * p[1] + b * p[3] + c * p[5] + d * p[7]];
}

// ---------------------------------------------------------------------------
// Palettes
// ---------------------------------------------------------------------------

interface Palette {
  bg: string; // background
  pat: string; // background pattern ink (low contrast with bg)
  p: string; // primary
  s: string; // secondary
  a: string; // accent
  dark: string;
  light: string;
}

const PALETTES: readonly Palette[] = [
  // terracotta & indigo
  { bg: "#f2e2c9", pat: "#e7cca7", p: "#c4552f", s: "#2e3f6e", a: "#d99a2c", dark: "#2a2320", light: "#fbf3e6" },
  // ochre & forest
  { bg: "#efe3c2", pat: "#e0cf9c", p: "#c98b22", s: "#2f5d43", a: "#a8392b", dark: "#2b2a22", light: "#fcf6e7" },
  // deep red & charcoal
  { bg: "#eedac4", pat: "#dfc2a4", p: "#9e2b25", s: "#3a3532", a: "#d4a23a", dark: "#221d1b", light: "#fbf2e7" },
  // indigo night
  { bg: "#2c3559", pat: "#36416c", p: "#d9952e", s: "#c8613a", a: "#6f9a7e", dark: "#1b2038", light: "#f6eddb" },
  // sahara
  { bg: "#f4ddb4", pat: "#eac995", p: "#b8572a", s: "#3d6f6a", a: "#6b3e26", dark: "#2e2119", light: "#fdf5e6" },
  // forest floor
  { bg: "#dde2cc", pat: "#c9d1b0", p: "#3f6b4a", s: "#b5562e", a: "#d9a23a", dark: "#22291f", light: "#f8f6ea" },
  // clay rose
  { bg: "#f0d6c4", pat: "#e4bea7", p: "#a8432f", s: "#2f4a5e", a: "#e0aa45", dark: "#2a1f1c", light: "#fcf1e9" },
  // charcoal & gold
  { bg: "#35302b", pat: "#423c36", p: "#d6a23a", s: "#b04a2e", a: "#5f8a6a", dark: "#1c1916", light: "#f3e9d4" },
  // savanna dusk
  { bg: "#e9c9a0", pat: "#ddb483", p: "#8c2f39", s: "#3b5b3a", a: "#e08a2e", dark: "#2b1d1a", light: "#fbf0e0" },
];

const BEAD_COLOURS = ["#b8322a", "#e3a52c", "#2e6f8e", "#f3ecd9", "#1f1d1c", "#3f7a45", "#d96c2c", "#7a3b8c"];

interface Ctx {
  r: Rng;
  pal: Palette;
  uid: () => string;
  /** The kind of product drawn; category art leaves it unset and lets chance pick. */
  kind?: ArtKind;
}

type Motif = (c: Ctx) => string;

// ---------------------------------------------------------------------------
// Shared small shapes
// ---------------------------------------------------------------------------

function leaf(x: number, y: number, rot: number, len: number, col: string, width = 0.32): string {
  const w = len * width;
  return g(
    tr(x, y, rot),
    path(D`M0 0C${w} ${-len * 0.2} ${w} ${-len * 0.72} 0 ${-len}C${-w} ${-len * 0.72} ${-w} ${-len * 0.2} 0 0z`, col) +
      line(D`M0 -4L0 ${-len * 0.86}`, shade(col, -0.35), Math.max(2, len * 0.03)),
  );
}

function bean(x: number, y: number, rot: number, sc: number, col = "#6e4026"): string {
  return g(
    tr(x, y, rot, sc),
    ellipse(0, 0, 19, 27, col) +
      ellipse(-6, -8, 5, 9, shade(col, 0.25)) +
      line("M2 -24C-9 -8 9 8 -2 24", shade(col, -0.5), 4),
  );
}

/** Row of triangles ("teeth") between x0 and x1 with base at y, pointing up (h < 0) or down. */
function teethD(x0: number, x1: number, y: number, w: number, h: number): string {
  let d = "";
  for (let x = x0; x + w <= x1 + 0.01; x += w) d += D`M${x} ${y}l${w / 2} ${h}l${w / 2} ${-h}z`;
  return d;
}

function zigzagD(x0: number, x1: number, y: number, w: number, h: number): string {
  let d = D`M${x0} ${y}`;
  let up = true;
  for (let x = x0 + w / 2; x <= x1 + 0.01; x += w / 2) {
    d += D`L${x} ${up ? y - h : y}`;
    up = !up;
  }
  return d;
}

/** Decorative band filling the box (x, y, w, h), style chosen by the rng. */
function band(c: Ctx, x: number, y: number, w: number, h: number, bgc: string, ink: string): string {
  const style = c.r.int(0, 3);
  let s = rect(x, y, w, h, bgc);
  if (style === 0) s += path(teethD(x, x + w, y + h, h * 0.9, -h * 0.8), ink);
  else if (style === 1) s += line(zigzagD(x + 4, x + w - 4, y + h * 0.8, h * 0.9, h * 0.6), ink, Math.max(3, h * 0.12));
  else if (style === 2) {
    let d = "";
    const n = Math.max(2, Math.round(w / (h * 1.2)));
    for (let i = 0; i < n; i++) d += dotD(x + ((i + 0.5) * w) / n, y + h / 2, h * 0.22);
    s += path(d, ink);
  } else {
    let d = "";
    const n = Math.max(2, Math.round(w / (h * 1.1)));
    for (let i = 0; i < n; i++) {
      const cx = x + ((i + 0.5) * w) / n;
      const cy = y + h / 2;
      const k = h * 0.38;
      d += D`M${cx} ${cy - k}l${k} ${k}l${-k} ${k}l${-k} ${-k}z`;
    }
    s += path(d, ink);
  }
  return s;
}

// ---------------------------------------------------------------------------
// Category motifs. Each is drawn around (0, 0) within roughly ±180.
// ---------------------------------------------------------------------------

const coffee: Motif = (c) => {
  const { r, pal } = c;
  let s = "";
  const spots: [number, number][] = r.shuffle([
    [-160, 150],
    [165, 145],
    [-105, 172],
    [110, 175],
    [-165, -120],
    [160, -95],
    [-185, 40],
  ]);
  const beans = r.int(3, 5);
  let beansSvg = "";
  for (let i = 0; i < beans; i++) beansSvg += bean(spots[i][0], spots[i][1], r.range(-70, 70), r.range(0.85, 1.15));

  if (branch(c, "coffee-cup", "coffee-pot", 0.6)) {
    // cup on a saucer with steam
    const cup = r.pick([pal.p, pal.s, "#2b2522", "#f4ecdc"]);
    const saucer = cup === pal.p ? pal.s : pal.p;
    const flip = r.chance(0.5) ? -1 : 1;
    const steam = r.int(2, 3);
    for (let i = 0; i < steam; i++) {
      const x = (i - (steam - 1) / 2) * 42;
      s += line(D`M${x} -62c-18 -22 18 -34 0 -56c-18 -22 18 -34 0 -56`, shade(pal.dark, 0.45), 9, { opacity: 0.5 });
    }
    s += ellipse(0, 128, 168, 32, shade(saucer, -0.2)) + ellipse(0, 123, 158, 25, saucer) + ellipse(0, 122, 92, 13, shade(saucer, -0.15));
    let body =
      line("M100 -2C172 -12 178 86 86 80", shade(cup, -0.12), 19) +
      path("M-116 -32L116 -32C113 68 72 122 0 122C-72 122 -113 68 -116 -32z", cup) +
      path("M-116 -32C-113 68 -72 122 0 122C-40 110 -90 70 -96 -32z", shade(cup, -0.12));
    const ink = cup === "#f4ecdc" ? pal.p : cup === "#2b2522" ? pal.a : pal.light;
    const style = r.int(0, 2);
    if (style === 0) body += line(zigzagD(-96, 96, 32, 32, 22), ink, 7);
    else if (style === 1) {
      let d = "";
      for (let i = -3; i <= 3; i++) d += dotD(i * 27, 22, 7);
      body += path(d, ink);
    } else body += path(teethD(-104, 104, 8, 26, 22) + rectD(-108, 8, 216, 6), ink);
    body +=
      ellipse(0, -32, 116, 24, shade(cup, 0.22)) +
      ellipse(0, -29, 101, 17, "#4a2818") +
      ellipse(-18, -31, 50, 7, "#7b4a2b");
    s += g(tr(0, 0, 0, flip, 1), body);
  } else {
    // Ethiopian jebena (clay coffee pot) with a small cup
    const pot = r.pick(["#2b2522", "#8e3f24", "#5a3323"]);
    const hi = shade(pot, 0.18);
    s +=
      ellipse(-20, 158, 92, 18, "#c9a063") +
      ellipse(-20, 156, 70, 11, "#a47c43") +
      line("M-60 10C-105 -20 -130 -62 -152 -108", pot, 24) +
      line("M0 -128C92 -134 110 -30 62 -6", pot, 17) +
      path("M-48 -36L-40 -148L0 -148L8 -36z", pot) +
      ellipse(-20, -148, 24, 8, hi) +
      circle(-20, 60, 102, pot) +
      path("M-100 40C-98 -10 -60 -40 -20 -42C-70 -20 -84 20 -82 60z", hi, { opacity: 0.5 }) +
      line(zigzagD(-100, 60, 42, 26, 18), pal.a, 6) +
      ellipse(-20, -40, 30, 7, pal.a);
    // sini cup
    const cupC = r.pick([pal.p, pal.a, "#f4ecdc"]);
    s +=
      g(
        tr(130, 122),
        path("M-36 -30L36 -30L26 26Q24 34 14 34L-14 34Q-24 34 -26 26z", cupC, { stroke: shade(cupC, -0.3), "stroke-width": 3 }) +
          ellipse(0, -30, 36, 8, "#4a2818") +
          rect(-31, -6, 62, 7, pal.p),
      );
  }
  return s + beansSvg;
};

function teaSprig(c: Ctx, x: number, y: number, sc: number, rot: number): string {
  const { r } = c;
  const greens = ["#3f7a45", "#548f48", "#2f6a3e", "#6aa152"];
  const tipX = r.range(-20, 30);
  const p = [0, 0, -30, -90, 35, -170, tipX, -250];
  let s = line(D`M0 0C${p[2]} ${p[3]} ${p[4]} ${p[5]} ${tipX} -250`, "#4d6b2c", 7);
  const n = r.int(3, 4);
  let side = r.chance(0.5) ? 1 : -1;
  for (let i = 0; i < n; i++) {
    const t = 0.28 + (i * 0.62) / n;
    const [lx, ly] = cubic(p, t);
    s += leaf(lx, ly, side * r.range(42, 62), 120 - t * 50, r.pick(greens));
    side = -side;
  }
  s += leaf(tipX, -246, r.range(-8, 8), 52, "#6aa152", 0.2);
  return g(tr(x, y, rot, sc), s);
}

const tea: Motif = (c) => {
  const { r, pal } = c;
  if (branch(c, "teapot", "tea-sprig", 0.55)) {
    // Moroccan-style teapot with a tea glass and a sprig
    const metal = r.pick(["#c9ccd1", "#d4a64a", "#b9bcc2"]);
    const dk = shade(metal, -0.3);
    const flip = r.chance(0.5) ? -1 : 1;
    const pot =
      path("M-84 30C-140 18 -150 -58 -192 -108L-178 -116C-140 -78 -126 -14 -80 -4z", dk) +
      line("M84 -44C162 -56 164 66 86 60", dk, 15) +
      path("M-60 84L60 84L80 118L-80 118z", dk) +
      path("M-98 36C-112 -40 -62 -72 0 -72C62 -72 112 -40 98 36C88 96 -88 96 -98 36z", metal) +
      path("M-44 -70L44 -70L18 -128L-18 -128z", metal) +
      circle(0, -140, 14, dk) +
      circle(0, -160, 7, dk) +
      line("M-100 6Q0 30 100 6", dk, 4, { "stroke-dasharray": "2 10" }) +
      line("M-44 -70Q0 -60 44 -70", dk, 4) +
      path("M-78 20C-84 -30 -50 -56 -14 -60C-50 -38 -62 -6 -60 26z", "#ffffff", { opacity: 0.5 });
    let s = g(tr(-10, 10, 0, flip, 1), pot);
    s += teaSprig(c, flip * -150, 150, 0.6, flip * -18);
    // tea glass
    s += g(
      tr(flip * 150, 112),
      path("M-34 -58L34 -58L26 44Q24 54 14 54L-14 54Q-24 54 -26 44z", "#b8641f") +
        path("M-33 -52L33 -52L32 -38L-32 -38z", "#e8c27a") +
        line(zigzagD(-28, 28, 6, 14, 10), pal.a, 4) +
        line("M-34 -58L-26 44", "#ffffff", 3, { opacity: 0.6 }),
    );
    return s;
  }
  // big "two leaves and a bud" sprig with a glass of tea
  let s = teaSprig(c, r.range(-70, -30), 160, r.pick([1.1, 1.2]), r.range(-6, 12));
  const x = r.range(95, 125);
  s += ellipse(x, 162, 62, 11, shade(pal.p, -0.2)) + ellipse(x, 159, 56, 8, pal.p);
  s += g(
    tr(x, 92, 0, 1.3),
    path("M-34 -58L34 -58L26 44Q24 54 14 54L-14 54Q-24 54 -26 44z", "#b8641f") +
      path("M-33 -52L33 -52L32 -38L-32 -38z", "#e8c27a") +
      path(teethD(-28, 28, 30, 14, -14), pal.a) +
      line("M-34 -58L-26 44", "#ffffff", 3, { opacity: 0.6 }),
  );
  return s;
};

function chilli(x: number, y: number, rot: number, sc: number, col: string): string {
  return g(
    tr(x, y, rot, sc),
    path("M-22 -6C22 -22 58 22 56 82C55 122 44 150 28 166C38 120 24 60 -26 26C-38 16 -34 -2 -22 -6z", col) +
      line("M-8 2C22 2 42 40 44 86", "#ffffff", 5, { opacity: 0.3 }) +
      path("M-34 10C-40 -8 -12 -22 0 -6C-8 -2 -22 2 -34 10z", "#3f7a2f") +
      line("M-18 -8C-26 -30 -14 -46 -2 -56", "#3f7a2f", 7),
  );
}

function starAnise(x: number, y: number, rot: number, sc: number): string {
  let s = "";
  for (let i = 0; i < 8; i++) {
    s += g(
      D`rotate(${i * 45})`,
      path("M0 0C12 -10 16 -36 0 -54C-16 -36 -12 -10 0 0z", "#7b3f1e") + ellipse(0, -30, 5, 8, "#c58a4a"),
    );
  }
  return g(tr(x, y, rot, sc), s + circle(0, 0, 8, "#4e2612"));
}

const spices: Motif = (c) => {
  const { r, pal } = c;
  const powder = r.pick(["#e1a21b", "#c0392b", "#9a5530", "#a8321f", "#d9742a"]);
  const bowl = r.pick([pal.s, "#7a4a26", pal.dark, pal.p]);
  const flip = r.chance(0.5) ? -1 : 1;
  let s = "";
  // behind the bowl
  s += chilli(flip * r.range(-140, -100), r.range(-130, -90), flip * r.range(-60, -20), r.range(0.9, 1.1), r.pick(["#c0261f", "#b3241c", "#d43d1a"]));
  if (r.chance(0.6)) {
    // cinnamon sticks
    const cx = flip * r.range(60, 110);
    const rot = flip * r.range(20, 50);
    s += g(
      tr(cx, -110, rot),
      rect(-16, -80, 32, 160, "#9a5530", { rx: 10 }) +
        rect(-4, -80, 22, 160, "#b46a3d", { rx: 8 }) +
        ellipse(0, -78, 15, 6, "#6e3518"),
    );
  } else {
    s += chilli(flip * r.range(90, 130), r.range(-150, -110), flip * r.range(10, 40), r.range(0.75, 0.9), "#d43d1a");
  }
  s +=
    ellipse(0, 40, 122, 20, shade(bowl, -0.35)) +
    path("M-112 42C-80 -40 80 -40 112 42z", powder) +
    path("M-70 10C-40 -20 10 -26 40 -14", shade(powder, 0.3), { opacity: 0.6 }) +
    path("M-124 40A124 20 0 0 0 124 40C124 116 66 142 0 142C-66 142 -124 116 -124 40z", bowl) +
    path(teethD(-96, 96, 84, 24, -18), pal.light, { opacity: 0.9 }) +
    path("M-124 40C-120 90 -90 120 -50 134C-90 110 -104 80 -104 48z", "#ffffff", { opacity: 0.2 });
  s += starAnise(flip * r.range(120, 150), r.range(130, 160), r.range(0, 45), r.range(0.8, 1));
  if (r.chance(0.6)) s += starAnise(flip * r.range(-170, -140), r.range(100, 150), r.range(0, 45), r.range(0.6, 0.75));
  return s;
};

const skincare: Motif = (c) => {
  const { r, pal } = c;
  const jar = r.pick([pal.p, pal.s, "#7a4a22", "#2f5d43"]);
  const lid = jar === pal.s ? pal.a : r.pick([pal.s, "#c9a063", pal.dark]);
  const flip = r.chance(0.5) ? -1 : 1;
  const tall = r.range(0, 40);
  let s = "";
  // lid leaning behind
  s += g(
    tr(flip * 120, -74 - tall / 2, flip * 16),
    rect(-92, -30, 184, 60, lid, { rx: 12 }) + line("M-80 -10H80M-80 8H80", shade(lid, -0.25), 4),
  );
  const top = -40 - tall;
  s += path(D`M-112 ${top}L112 ${top}L112 94Q112 124 82 124L-82 124Q-112 124 -112 94z`, jar);
  s += path(D`M-112 ${top}L-112 94Q-112 124 -82 124L-70 124Q-92 110 -92 ${top}z`, shade(jar, -0.15));
  s += band(c, -112, 10, 224, 56, pal.light, jar);
  // butter with a swirl
  s +=
    ellipse(0, top, 112, 22, shade(jar, -0.3)) +
    ellipse(0, top + 2, 100, 17, "#f3e6c4") +
    path(D`M-70 ${top + 2}C-60 ${top - 40} 50 ${top - 44} 60 ${top}C40 ${top - 8} -40 ${top - 10} -70 ${top + 2}z`, "#f6ecd2") +
    line(D`M-30 ${top - 8}C-10 ${top - 34} 34 ${top - 28} 20 ${top - 12}`, "#dcc89c", 5);
  // shea nuts and a leaf
  s += leaf(flip * -150, 150, flip * -62, 130, "#3f7a45", 0.26);
  const nuts = r.int(2, 3);
  for (let i = 0; i < nuts; i++) {
    const x = flip * (150 - i * 52) + r.range(-6, 6);
    const y = 145 + (i % 2) * 14;
    s += g(tr(x, y, r.range(-30, 30)), ellipse(0, 0, 27, 32, "#7a4d2c") + ellipse(0, 14, 16, 13, "#c49a6c") + ellipse(-8, -12, 6, 9, "#9a6a44"));
  }
  return s;
};

function kenteStrip(c: Ctx, ink: Ink, x: number, y: number, w: number, h: number, cols: string[]): void {
  // blocks along the strip; alternating stripes / solid with a mark
  const n = Math.max(3, Math.round(w / 38));
  const bw = w / n;
  ink.add(cols[0], rectD(x, y, w, h));
  for (let i = 0; i < n; i++) {
    const bx = x + i * bw;
    if (i % 2 === 0) {
      for (let k = 0; k < 3; k++) ink.add(cols[1 + (k % 2)], rectD(bx + 4 + k * ((bw - 8) / 3), y, (bw - 8) / 6, h), 1);
    } else {
      ink.add(cols[2], rectD(bx, y + h * 0.22, bw, h * 0.56), 1);
      const k = Math.min(bw, h) * 0.22;
      ink.add(cols[3], D`M${bx + bw / 2} ${y + h / 2 - k}l${k} ${k}l${-k} ${k}l${-k} ${-k}z`, 2);
    }
  }
}

const textiles: Motif = (c) => {
  const { r, pal } = c;
  const base = [pal.p, pal.s, pal.a, "#2e3f6e", "#3f6b4a", "#d99a2c", "#9e2b25"];
  if (branch(c, "cloth-stack", "cloth-hanging", 0.5)) {
    // folded stack
    let s = "";
    const layers = r.int(3, 4);
    const h = layers === 3 ? 78 : 62;
    const cols = r.shuffle(base);
    for (let i = 0; i < layers; i++) {
      const w = 320 - i * 14 + r.range(-8, 8);
      const y = 150 - (i + 1) * h;
      const x = -w / 2 + r.range(-10, 10);
      const col = cols[i];
      const ink = new Ink();
      const style = (i + r.int(0, 2)) % 3;
      if (style === 0) kenteStrip(c, ink, x + 10, y + 2, w - 20, h - 4, [col, pal.light, shade(col, -0.35), pal.a]);
      s += rect(x, y, w, h - 2, shade(col, -0.2), { rx: h / 2.6 });
      s += rect(x + 10, y, w - 22, h - 4, col, { rx: 6 });
      if (style === 0) s += ink.svg();
      else if (style === 1) s += line(zigzagD(x + 16, x + w - 28, y + h * 0.66, 30, h * 0.32), pal.light, 5);
      else {
        let d = "";
        for (let xx = x + 22; xx < x + w - 24; xx += 24) d += dotD(xx, y + h / 2 - 2, 5);
        s += path(d, pal.light) + rect(x + 10, y + 6, w - 22, 5, shade(col, -0.3)) + rect(x + 10, y + h - 15, w - 22, 5, shade(col, -0.3));
      }
      s += path(D`M${x + w - 12} ${y}C${x + w + 4} ${y + h * 0.3} ${x + w + 4} ${y + h * 0.7} ${x + w - 12} ${y + h - 4}z`, "#000000", { opacity: 0.2 });
    }
    return s;
  }
  // hanging kente cloth with fringe
  const cols = r.shuffle(base).slice(0, 4);
  const ink = new Ink();
  const W = 280;
  const top = -140;
  const H = 260;
  const colsN = 4;
  const rows = 5;
  const cw = W / colsN;
  const rh = H / rows;
  ink.add(cols[0], rectD(-W / 2, top, W, H));
  for (let i = 0; i < colsN; i++) {
    for (let j = 0; j < rows; j++) {
      const x = -W / 2 + i * cw;
      const y = top + j * rh;
      const t = (i + j) % 2;
      if (t === 0) {
        ink.add(cols[1], rectD(x, y, cw, rh), 1);
        for (let k = 0; k < 4; k++) ink.add(k % 2 ? cols[2] : pal.light, rectD(x, y + 6 + k * 12, cw, 5), 2);
      } else {
        ink.add(cols[i % 2 ? 3 : 0], rectD(x, y, cw, rh), 1);
        const k = Math.min(cw, rh) * 0.3;
        ink.add(pal.light, D`M${x + cw / 2} ${y + rh / 2 - k}l${k} ${k}l${-k} ${k}l${-k} ${-k}z`, 2);
      }
    }
    if (i > 0) ink.add(pal.dark, rectD(-W / 2 + i * cw - 2, top, 4, H), 3);
  }
  let fringe = "";
  for (let x = -W / 2 + 6; x <= W / 2 - 5; x += 11) fringe += D`M${x} ${top + H}l${r.range(-3, 3)} ${r.range(22, 32)}`;
  return (
    line(D`M${-W / 2 + 30} ${top}L0 -200L${W / 2 - 30} ${top}`, pal.dark, 3) +
    circle(0, -200, 6, pal.dark) +
    ink.svg() +
    line(fringe, cols[1], 4) +
    rect(-W / 2 - 24, top - 12, W + 48, 16, "#7a4a26", { rx: 8 }) +
    circle(-W / 2 - 24, top - 4, 12, "#5a3318") +
    circle(W / 2 + 24, top - 4, 12, "#5a3318")
  );
};

const crafts: Motif = (c) => {
  const { r, pal } = c;
  const straw = r.pick(["#d8b06a", "#e0bd7e", "#cfa35c"]);
  const tall = r.range(0.85, 1.2);
  const id = c.uid();
  const bodyD = D`M-152 -30C-152 ${80 * tall} -100 ${140 * tall} 0 ${140 * tall}C100 ${140 * tall} 152 ${80 * tall} 152 -30z`;
  let s = "";
  const handle = r.chance(0.7);
  if (handle) {
    const lc = r.pick(["#6b3a22", "#3b2a1e", "#8b4a2b"]);
    s += line("M-118 -40C-112 -210 112 -210 118 -40", lc, 18) + line("M-118 -40C-112 -210 112 -210 118 -40", shade(lc, 0.3), 3, { "stroke-dasharray": "3 9" });
  }
  let inner = path(bodyD, straw);
  const cols = r.shuffle([pal.p, pal.s, pal.a, pal.dark, "#2e6f8e"]);
  const nb = r.int(2, 3);
  let y = 5;
  for (let i = 0; i < nb; i++) {
    const h = r.range(30, 46);
    const style = r.int(0, 2);
    if (style === 0) inner += rect(-160, y, 320, h, cols[i]);
    else if (style === 1) inner += path(teethD(-160, 160, y + h, 40, -h) + rectD(-160, y + h - 6, 320, 6), cols[i]);
    else inner += path(teethD(-160, 160, y, 40, h) + teethD(-140, 180, y + h, 40, -h * 0.7), cols[i]);
    y += h + r.range(14, 26);
  }
  // weave texture
  let weave = "";
  for (let yy = -16; yy < 140 * tall; yy += 16) for (let xx = -150 + ((yy / 16) % 2) * 9; xx < 152; xx += 18) weave += D`M${xx} ${yy}l9 9`;
  inner += line(weave, "#000000", 2.5, { opacity: 0.1 });
  inner += path(D`M-152 -30C-152 ${80 * tall} -100 ${140 * tall} 0 ${140 * tall}C-70 ${120 * tall} -120 ${70 * tall} -124 -30z`, "#000000", { opacity: 0.1 });
  s += el("clipPath", { id }, path(bodyD, "#000")) + el("g", { "clip-path": `url(#${id})` }, inner);
  s += ellipse(0, -30, 152, 30, shade(straw, -0.12)) + ellipse(0, -28, 134, 21, shade(straw, -0.5));
  return g(D`translate(0 ${-10 * tall})`, s);
};

const art: Motif = (c) => {
  const { r, pal } = c;
  const frame = r.pick(["#7a4a26", "#c8953a", "#2b2522", "#5a3323"]);
  const id = c.uid();
  const W = 330;
  const H = 260;
  const x0 = -W / 2;
  const y0 = -H / 2 - 10;
  const cx = x0 + 34;
  const cy = y0 + 34;
  const cW = W - 68;
  const cH = H - 68;
  let paint = "";
  if (branch(c, "landscape-painting", "abstract-painting", 0.7)) {
    const sky = r.pick(["#f2b155", "#e8845a", "#f0c98a", "#e46a3f"]);
    const sunX = cx + r.range(0.2, 0.8) * cW;
    paint += rect(cx, cy, cW, cH, sky);
    paint += circle(sunX, cy + cH * r.range(0.3, 0.45), r.range(24, 36), r.pick(["#fbe7b0", "#c0392b", "#fff2cc"]));
    const hy = cy + cH * 0.62;
    paint += path(D`M${cx} ${hy}C${cx + cW * 0.3} ${hy - 30} ${cx + cW * 0.6} ${hy + 10} ${cx + cW} ${hy - 20}V${cy + cH}H${cx}z`, r.pick(["#b8572a", "#c98b22", "#9a4a2c"]));
    paint += path(D`M${cx} ${hy + 30}C${cx + cW * 0.4} ${hy + 10} ${cx + cW * 0.7} ${hy + 40} ${cx + cW} ${hy + 24}V${cy + cH}H${cx}z`, r.pick(["#6b3e26", "#7a4a26", "#3b2a1e"]));
    // acacia tree
    const tx = cx + cW * r.pick([0.25, 0.7, 0.78]);
    const ty = hy + 20;
    const tc = "#2b2522";
    paint +=
      line(D`M${tx} ${ty}L${tx + 4} ${ty - 50}M${tx + 3} ${ty - 38}L${tx - 22} ${ty - 62}M${tx + 3} ${ty - 44}L${tx + 26} ${ty - 64}`, tc, 5) +
      path(D`M${tx - 60} ${ty - 62}C${tx - 40} ${ty - 88} ${tx + 40} ${ty - 90} ${tx + 62} ${ty - 64}C${tx + 30} ${ty - 56} ${tx - 30} ${ty - 56} ${tx - 60} ${ty - 62}z`, tc);
    if (r.chance(0.5)) {
      // birds
      const bx = cx + cW * r.range(0.3, 0.6);
      const by = cy + 30;
      paint += line(D`M${bx} ${by}q8 -8 16 0q8 -8 16 0M${bx + 40} ${by + 14}q6 -6 12 0q6 -6 12 0`, tc, 3);
    }
  } else {
    // abstract geometric painting
    const cols = r.shuffle([pal.p, pal.s, pal.a, pal.dark, "#e8d5b0"]);
    paint += rect(cx, cy, cW, cH, cols[4]);
    paint += circle(cx + cW * r.range(0.3, 0.7), cy + cH * 0.45, r.range(50, 70), cols[0]);
    paint += path(D`M${cx} ${cy + cH}L${cx + cW * 0.35} ${cy + cH * 0.3}L${cx + cW * 0.7} ${cy + cH}z`, cols[1]);
    paint += path(D`M${cx + cW * 0.5} ${cy + cH}L${cx + cW * 0.8} ${cy + cH * 0.45}L${cx + cW * 1.1} ${cy + cH}z`, cols[2], { opacity: 0.9 });
    paint += line(zigzagD(cx, cx + cW, cy + 30, 28, 16), cols[3], 5);
  }
  return (
    line(D`M${x0 + 70} ${y0 + 6}L0 ${y0 - 60}L${-x0 - 70} ${y0 + 6}`, pal.dark, 3) +
    circle(0, y0 - 60, 7, pal.dark) +
    rect(x0, y0, W, H, frame, { rx: 4 }) +
    rect(x0 + 8, y0 + 8, W - 16, H - 16, shade(frame, 0.2)) +
    rect(x0 + 16, y0 + 16, W - 32, H - 32, "#f6efe0") +
    el("clipPath", { id }, rect(cx, cy, cW, cH, "#000")) +
    el("g", { "clip-path": `url(#${id})` }, paint) +
    path(D`M${x0} ${y0 + H}h${W}l-8 -8h${-W + 16}z`, "#000000", { opacity: 0.2 })
  );
};

const jewellery: Motif = (c) => {
  const { r, pal } = c;
  if (branch(c, "bead-strand", "bead-collar", 0.55)) {
    // strand beads must stand out on the light stage: no cream beads here
    const cols = r.shuffle(BEAD_COLOURS.filter((b) => b !== "#f3ecd9")).slice(0, 4);
    // bead strand with pendant
    const cy = -40;
    const rx = 140;
    const ry = 165;
    let s = ellipse(0, cy, rx, ry, "none", { stroke: "#5a3a24", "stroke-width": 3 });
    const n = r.int(19, 23);
    const seq = r.pick([
      [0, 1, 0, 2],
      [0, 0, 1, 2, 1],
      [0, 1, 2, 3],
      [3, 0, 3, 1],
    ]);
    const start = 0.05 * Math.PI;
    const end = 0.95 * Math.PI;
    const ink = new Ink();
    let hl = "";
    for (let i = 0; i < n; i++) {
      const t = start + ((end - start) * i) / (n - 1);
      const x = rx * Math.cos(t);
      const y = cy + ry * Math.sin(t);
      const big = i % 2 === 0;
      const rad = big ? 16 : 10;
      ink.add(cols[seq[i % seq.length]], dotD(x, y, rad));
      hl += dotD(x - rad * 0.35, y - rad * 0.35, rad * 0.28);
    }
    s += ink.svg() + path(hl, "#ffffff", { opacity: 0.5 });
    const py = cy + ry + 12;
    const pend = r.int(0, 2);
    if (pend === 0)
      // cowrie shell
      s += ellipse(0, py + 30, 26, 38, "#f3ecd9", { stroke: "#c9b184", "stroke-width": 3 }) + line(D`M0 ${py + 2}C-6 ${py + 22} 6 ${py + 40} 0 ${py + 60}`, "#8a6a4a", 4);
    else if (pend === 1)
      // brass disc
      s += circle(0, py + 34, 36, "#d4a64a") + circle(0, py + 34, 22, "none", { stroke: "#9a6f25", "stroke-width": 4 }) + circle(0, py + 34, 6, "#9a6f25");
    else s += path(D`M0 ${py}C30 ${py + 30} 30 ${py + 62} 0 ${py + 76}C-30 ${py + 62} -30 ${py + 30} 0 ${py}z`, pal.p) + circle(0, py + 46, 10, pal.light);
    s += ellipse(0, cy - ry, 10, 6, "#d4a64a");
    return g("translate(0 -10)", s);
  }
  // Maasai-style beaded collar: concentric rings with a fringe
  // cream goes on a ring, never on the fringe (it would vanish on the light stage)
  const cols = r.shuffle(BEAD_COLOURS.filter((b) => b !== "#f3ecd9")).slice(0, 3);
  cols.splice(2, 0, "#f3ecd9");
  let s = "";
  const rings = r.int(5, 6);
  const inner = 78;
  const w = (170 - inner) / rings;
  const a0 = -60;
  const a1 = 240;
  const arc = (rad: number) => {
    const p0 = [rad * Math.cos((a0 * Math.PI) / 180), rad * Math.sin((a0 * Math.PI) / 180)];
    const p1 = [rad * Math.cos((a1 * Math.PI) / 180), rad * Math.sin((a1 * Math.PI) / 180)];
    return D`M${p0[0]} ${p0[1]}A${rad} ${rad} 0 1 1 ${p1[0]} ${p1[1]}`;
  };
  // fringe
  let fr = "";
  let tips = "";
  for (let a = 40; a <= 140; a += 10) {
    const t = (a * Math.PI) / 180;
    const x0 = 168 * Math.cos(t);
    const y0 = 168 * Math.sin(t);
    const len = 40 - Math.abs(90 - a) * 0.25;
    fr += D`M${x0} ${y0}l${x0 * (len / 168)} ${y0 * (len / 168)}`;
    tips += dotD(x0 * (1 + len / 168), y0 * (1 + len / 168), 6);
  }
  s += line(fr, cols[0], 4) + path(tips, cols[1]);
  for (let i = 0; i < rings; i++) {
    const rad = inner + w * (i + 0.5);
    const col = cols[i % cols.length];
    s += line(arc(rad), col, w - 1, { "stroke-linecap": "butt" });
    if (i % 2 === 1) s += line(arc(rad), i % 4 === 1 ? "#f3ecd9" : cols[(i + 1) % 4], w * 0.5, { "stroke-dasharray": D`0 ${w * 1.1}` });
  }
  return g("translate(0 -8)", s);
};

const foods: Motif = (c) => {
  const { r, pal } = c;
  if (branch(c, "honey-jar", "cocoa-pods", 0.55)) {
    // honey jar with cloth cover and dipper
    const honey = r.pick(["#e0a030", "#d18a1e", "#e9b54a"]);
    const cloth = r.pick([pal.p, pal.s, "#b8322a"]);
    const flip = r.chance(0.5) ? -1 : 1;
    let s = "";
    s +=
      path("M-96 -66C-124 -66 -124 -30 -124 0L-124 92C-124 124 -100 134 -70 134L70 134C100 134 124 124 124 92L124 0C124 -30 124 -66 96 -66z", honey) +
      path("M-100 -10C-104 40 -104 90 -86 116", "#ffffff", { opacity: 0.4, stroke: "#ffffff", "stroke-width": 12, "stroke-linecap": "round", fill: "none" }) +
      path("M124 20L124 92C124 124 100 134 70 134L40 134C80 120 100 90 100 20z", "#000000", { opacity: 0.1 });
    // honeycomb label
    let hex = "";
    const hx = 10;
    for (const [dx, dy] of [
      [0, 0],
      [30, 0],
      [-30, 0],
      [15, 26],
      [-15, 26],
      [15, -26],
      [-15, -26],
    ]) {
      const x = hx + dx;
      const y = 50 + dy;
      hex += D`M${x} ${y - 15}l13 7.5v15l-13 7.5l-13 -7.5v-15z`;
    }
    s += path(hex, shade(honey, -0.28), { opacity: 0.6 });
    // cloth cover
    s +=
      rect(-104, -92, 208, 30, shade(honey, -0.15), { rx: 8 }) +
      path("M-130 -88C-120 -140 120 -140 130 -88L130 -56L-130 -56z", cloth) +
      path(teethD(-130, 130, -56, 26, 20), cloth) +
      line("M-112 -70H112", pal.light, 4, { "stroke-dasharray": "2 10" }) +
      line("M-118 -56C-60 -46 60 -46 118 -56", "#c9a063", 6);
    // honey dipper leaning on the jar
    s += g(
      tr(flip * 150, 66, flip * -32),
      line("M0 -170L0 30", "#8b5a2b", 10) +
        circle(0, -172, 8, "#6b3f1e") +
        ellipse(0, 62, 30, 40, "#b07a42") +
        line("M-29 44H29M-31 62H31M-29 80H29", "#7a4a22", 6) +
        path("M-12 98C-12 110 -3 118 -2 134C2 118 12 110 12 98z", honey),
    );
    // bee
    if (r.chance(0.6)) {
      const bx = flip * -120;
      const by = -160;
      s += g(
        tr(bx, by, flip * 15),
        ellipse(-6, -14, 12, 18, "#ffffff", { opacity: 0.8 }) +
          ellipse(8, -14, 12, 18, "#ffffff", { opacity: 0.8 }) +
          ellipse(0, 0, 24, 16, "#e9b54a") +
          path("M-8 -15v30M6 -15v30", "none", { stroke: "#2b2522", "stroke-width": 6 }) +
          circle(24, 0, 7, "#2b2522"),
      );
    }
    return s;
  }
  // cocoa pods
  const podCol = r.pick(["#c06a1e", "#a83c1c", "#d9a22b", "#8e3a1a"]);
  const rot = r.range(-35, -15);
  const pod = (col: string) =>
    path("M0 -160C80 -128 84 96 0 160C-84 96 -80 -128 0 -160z", col) +
    line("M0 -150C26 -100 30 90 0 150M0 -150C-26 -100 -30 90 0 150M0 -154C54 -110 58 90 0 154M0 -154C-54 -110 -58 90 0 154", shade(col, -0.25), 4) +
    path("M-40 -90C-60 -20 -50 60 -30 100C-40 40 -44 -30 -40 -90z", "#ffffff", { opacity: 0.2 });
  let s = g(tr(-45, -10, rot), pod(podCol) + line("M0 -160L0 -185", "#5a3a1a", 10));
  // opened half with beans
  let beans = "";
  for (let i = 0; i < 5; i++)
    for (const sx of [-17, 17]) beans += D`M${sx - 15} ${-72 + i * 36}a15 13 0 1 0 30 0a15 13 0 1 0 -30 0z`;
  s += g(
    tr(100, 80, r.range(50, 70), 0.7),
    path("M0 -160C80 -128 84 96 0 160C-84 96 -80 -128 0 -160z", shade(podCol, -0.15)) +
      path("M0 -140C62 -110 64 84 0 140C-64 84 -62 -110 0 -140z", "#f7f0e2") +
      path(beans, "#ecdcbc", { stroke: "#c9b184", "stroke-width": 3 }),
  );
  for (let i = 0; i < 3; i++) s += bean(-150 + i * 58 + r.range(-6, 6), 150 + (i % 2) * 12, r.range(-80, 80), 0.9, "#5a2e24");
  return s;
};

const beauty: Motif = (c) => {
  const { r, pal } = c;
  const glass = r.pick(["#9a5a22", "#3d6f6a", pal.s, "#7a2e2a"]);
  const flip = r.chance(0.5) ? -1 : 1;
  let s = "";
  // bottle (pump or dropper)
  let b = "";
  const bh = r.range(210, 250);
  const top = 140 - bh;
  b += rect(-60, top, 120, bh, glass, { rx: 26 });
  b += path(D`M-40 ${top + 20}C-48 ${top + 60} -48 ${top + bh - 60} -40 ${top + bh - 20}`, "none", { stroke: "#ffffff", "stroke-width": 8, "stroke-linecap": "round", opacity: 0.3 });
  const ly = top + bh * 0.4;
  b += rect(-60, ly, 120, 76, pal.light) + rect(-60, ly + 6, 120, 4, glass) + rect(-60, ly + 66, 120, 4, glass);
  b += leaf(-4, ly + 58, -35, 40, glass) + leaf(4, ly + 58, 35, 40, glass);
  if (r.chance(0.5)) {
    // pump
    b += rect(-24, top - 26, 48, 30, "#2b2522", { rx: 4 }) + rect(-8, top - 66, 16, 44, "#2b2522") + path(D`M-26 ${top - 82}H30V${top - 64}H-26z`, "#2b2522") + rect(22, top - 80, 40, 10, "#2b2522", { rx: 4 });
  } else {
    // dropper
    b += rect(-26, top - 30, 52, 34, "#d4a64a", { rx: 6 }) + rect(-16, top - 80, 32, 54, "#2b2522", { rx: 16 });
  }
  s += g(tr(flip * -62, 0, 0, 1.1), b);
  // soaps
  const soap = r.pick(["#e9d3a8", "#2b2522", "#d9a2a0", "#c9d6a8", "#e8b04a"]);
  const soapB = r.pick(["#f1e4c8", "#b5562e", "#6f9a7e"]);
  const sx = flip * 95;
  s += g(
    tr(sx, 118, flip * r.range(-4, 4)),
    rect(-80, -10, 160, 52, shade(soapB, -0.15), { rx: 18 }) +
      rect(-80, -18, 160, 44, soapB, { rx: 18 }) +
      rect(-70, -66, 140, 52, shade(soap, -0.18), { rx: 18 }) +
      rect(-70, -74, 140, 44, soap, { rx: 18 }) +
      leaf(-34, -52, 90, 68, shade(soap, soap === "#2b2522" ? 0.15 : -0.12)) +
      line("M-20 -74V26M20 -74V26", "#b08a5a", 4),
  );
  // hibiscus flower
  if (r.chance(0.6)) {
    let fl = "";
    for (let i = 0; i < 5; i++) fl += g(D`rotate(${i * 72})`, path("M0 0C20 -10 26 -40 0 -44C-26 -40 -20 -10 0 0z", "#c8303a"));
    fl += circle(0, 0, 7, "#f3c14b");
    s += g(tr(flip * 140, -120, r.range(0, 70), 0.9), fl);
  }
  return s;
};

const leather: Motif = (c) => {
  const { r, pal } = c;
  const hide = r.pick(["#8b4a2b", "#6b3a22", "#a0522d", "#b9773d", "#5a2a1e"]);
  const dk = shade(hide, -0.25);
  const stitch = shade(hide, 0.55);
  let s = "";
  if (branch(c, "satchel", "tote", 0.5)) {
    // satchel with flap
    s += line("M-86 -60C-86 -180 86 -180 86 -60", dk, 18);
    s += path("M-150 -60L150 -60L166 118Q166 140 144 140L-144 140Q-166 140 -166 118z", hide);
    s += line("M-140 -50L-154 116Q-154 128 -142 128L142 128Q154 128 154 116L140 -50", stitch, 3, { "stroke-dasharray": "8 7" });
    if (r.chance(0.6)) s += band(c, -162, 76, 324, 34, pal.s, pal.a);
    s += path("M-156 -66L156 -66L156 28Q0 80 -156 28z", dk);
    s += line("M-144 -54L144 -54L144 22Q0 68 -144 22z", stitch, 3, { "stroke-dasharray": "8 7" });
    s += rect(-22, 28, 44, 38, "#d4a64a", { rx: 6 }) + rect(-11, 38, 22, 18, dk, { rx: 3 });
    if (r.chance(0.5)) {
      let t = "";
      for (let i = 0; i < 5; i++) t += D`M${-12 + i * 6} 66l${-6 + i * 3} 44`;
      s += line(t, dk, 4);
    }
    return s;
  }
  // tote with two handles and tooled pattern
  s += line("M-80 -40C-80 -170 -10 -170 -10 -40", dk, 14) + line("M10 -40C10 -170 80 -170 80 -40", dk, 14);
  s += path("M-130 -50L130 -50L160 140L-160 140z", hide);
  s += path("M-130 -50L-112 -50L-136 140L-160 140z", "#000000", { opacity: 0.1 });
  s += line("M-120 -38L120 -38M-140 128L140 128", stitch, 3, { "stroke-dasharray": "8 7" });
  s += path(teethD(-130, 130, -50, 26, 22), dk);
  const style = r.int(0, 1);
  if (style === 0) {
    let d = "";
    for (let row = 0; row < 3; row++) for (let i = -2; i <= 2; i++) {
      const x = i * 48 + (row % 2) * 24;
      const y = 20 + row * 36;
      d += D`M${x} ${y - 14}l14 14l-14 14l-14 -14z`;
    }
    s += path(d, pal.a);
  } else {
    s += rect(-140, 30, 280, 44, pal.s) + line(zigzagD(-136, 136, 64, 34, 24), pal.a, 6);
  }
  s += rect(-10, -56, 20, 26, "#d4a64a", { rx: 4 });
  return s;
};

const home: Motif = (c) => {
  const { r } = c;
  const id = c.uid();
  const clay = r.pick(["#b5552f", "#9a4a2c", "#2b2522", "#c97a44", "#7a3b26"]);
  const decor = clay === "#2b2522" ? r.pick(["#e0aa45", "#f1e4c8"]) : r.pick(["#2b2522", "#f1e4c8", "#f3d7a6"]);
  const mw = r.range(40, 70);
  const bw = r.range(130, 158);
  const nw = mw + r.range(-6, 10);
  const y0 = r.range(-170, -130);
  const yB = r.range(-10, 40);
  const baseW = r.range(55, 80);
  const body = D`M${-mw} ${y0}L${mw} ${y0}C${nw} ${y0 + 50} ${bw} ${yB - 90} ${bw} ${yB}C${bw} ${yB + 80} ${baseW + 40} 150 ${baseW} 150L${-baseW} 150C${-baseW - 40} 150 ${-bw} ${yB + 80} ${-bw} ${yB}C${-bw} ${yB - 90} ${-nw} ${y0 + 50} ${-mw} ${y0}z`;
  let s = "";
  if (r.chance(0.35)) {
    // loop handles on the shoulders
    s += line(D`M${-bw + 30} ${yB - 70}C${-bw - 30} ${yB - 80} ${-bw - 20} ${yB - 10} ${-bw + 6} ${yB - 20}`, shade(clay, -0.2), 14);
    s += line(D`M${bw - 30} ${yB - 70}C${bw + 30} ${yB - 80} ${bw + 20} ${yB - 10} ${bw - 6} ${yB - 20}`, shade(clay, -0.2), 14);
  }
  let inner = path(body, clay);
  const bandY = yB - r.range(60, 80);
  inner += band(c, -170, bandY, 340, 40, shade(clay, -0.25), decor);
  inner += rect(-170, bandY + 50, 340, 5, decor) + rect(-170, bandY - 10, 340, 4, decor);
  if (r.chance(0.6)) inner += path(teethD(-170, 170, yB + 60, 30, -26), decor, { opacity: 0.9 });
  else {
    let d = "";
    for (let x = -150; x <= 150; x += 30) d += dotD(x, yB + 50, 6);
    inner += path(d, decor);
  }
  inner += path(D`M${-bw} ${yB}C${-bw} ${yB + 80} ${-baseW - 40} 150 ${-baseW} 150L${-baseW + 30} 150C${-bw + 50} 130 ${-bw + 30} ${yB - 60} ${-mw + 10} ${y0}L${-mw} ${y0}C${-nw} ${y0 + 50} ${-bw} ${yB - 90} ${-bw} ${yB}z`, "#000000", { opacity: 0.1 });
  inner += path(D`M${bw - 40} ${yB - 40}C${bw - 20} ${yB} ${bw - 24} ${yB + 40} ${bw - 40} ${yB + 70}`, "none", { stroke: "#ffffff", "stroke-width": 10, "stroke-linecap": "round", opacity: 0.3 });
  s += el("clipPath", { id }, path(body, "#000")) + el("g", { "clip-path": `url(#${id})` }, inner);
  s += rect(-mw - 12, y0 - 14, 2 * mw + 24, 20, shade(clay, -0.12), { rx: 10 }) + ellipse(0, y0 - 8, mw, 6, shade(clay, -0.6));
  return s;
};

// ---------------------------------------------------------------------------
// Product kinds: a drawing per kind of product, so the art shows what is sold
// (a jam is a jam jar, not a cocoa pod). A category motif with two drawings
// takes the one its kind names; the kinds below have drawings of their own.
// ---------------------------------------------------------------------------

/** Takes drawing `a` or `b` as the context's kind says, else by chance (category art). */
function branch(c: Ctx, a: ArtKind, b: ArtKind, p: number): boolean {
  if (c.kind === a) return true;
  if (c.kind === b) return false;
  return c.r.chance(p);
}

/** A round bowl heaped with `fill`; `grain` draws what the heap is made of. */
function heapedBowl(c: Ctx, fill: string, grain: (x: number, y: number, rot: number) => string): string {
  const { r, pal } = c;
  const bowl = r.pick([pal.s, "#7a4a26", pal.dark, "#c9a063"]);
  let s = ellipse(0, 40, 132, 22, shade(bowl, -0.35));
  s += path("M-120 42C-96 -56 96 -56 120 42z", fill);
  let bits = "";
  for (let i = 0; i < 26; i++) {
    const t = i / 26;
    const x = -96 + 192 * r.next();
    const top = 42 - 86 * (1 - Math.abs(x) / 120) * (0.55 + 0.45 * r.next());
    bits += grain(x, Math.max(top, -40) + (42 - Math.max(top, -40)) * t * 0.5, r.range(-60, 60));
  }
  s += bits;
  s += path("M-132 40A132 22 0 0 0 132 40C132 118 72 146 0 146C-72 146 -132 118 -132 40z", bowl);
  s += path(teethD(-100, 100, 88, 25, -18), pal.light, { opacity: 0.85 });
  s += path("M-132 40C-128 92 -96 124 -54 138C-96 112 -112 82 -112 48z", "#ffffff", { opacity: 0.2 });
  return s;
}

const powderBowl =
  (fill: string): Motif =>
  (c) =>
    heapedBowl(c, fill, () => "") +
    path(dotD(-40, 0, 3) + dotD(10, -20, 3) + dotD(50, 10, 3) + dotD(-10, 24, 3) + dotD(-70, 30, 3) + dotD(70, 34, 3), shade(fill, -0.25)) +
  leaf(150, 150, -60, 90, fill === "#7f9a3a" ? "#4f7a2f" : "#6b8f4a", 0.28) +
  g(tr(-150, 120, -20), rect(-10, -70, 20, 120, "#b08a5a", { rx: 8 }) + ellipse(0, -70, 26, 16, "#c9a06a"));

const nutBowl: Motif = (c) =>
  heapedBowl(c, "#e9d2a4", (x, y, rot) =>
    g(tr(x, y, rot), path("M-12 -10C6 -20 20 -4 14 10C10 18 2 14 0 6C-4 12 -16 8 -14 -2z", "#d9b77e", { stroke: "#b8925a", "stroke-width": 2 })),
  ) +
  g(tr(150, 150, 30), path("M-22 -18C10 -36 38 -8 28 16C22 30 6 24 2 12C-6 22 -28 16 -26 0z", "#d9b77e", { stroke: "#b8925a", "stroke-width": 3 })) +
  g(tr(-155, 145, -40), path("M-22 -18C10 -36 38 -8 28 16C22 30 6 24 2 12C-6 22 -28 16 -26 0z", "#d9b77e", { stroke: "#b8925a", "stroke-width": 3 }));

const dateBowl: Motif = (c) =>
  heapedBowl(c, "#5a2a18", (x, y, rot) => g(tr(x, y, rot), ellipse(0, 0, 16, 9, "#6e3520") + ellipse(-4, -3, 6, 2.5, "#9a5a3a"))) +
  g(tr(150, 150, 20), ellipse(0, 0, 34, 17, "#6e3520") + ellipse(-8, -6, 12, 4, "#9a5a3a")) +
  leaf(-150, 160, -50, 140, "#4f7a3a", 0.12);

/** A preserve jar with a cloth-tied lid: jam (with a mango beside) or nut butter (with peanuts). */
function preserveJar(c: Ctx, fill: string, side: "mango" | "peanut"): string {
  const { r, pal } = c;
  const cloth = r.pick([pal.p, pal.s, "#b8322a", "#2e6f8e"]);
  let s = path("M-100 -50C-118 -50 -118 -30 -118 -10L-118 100C-118 128 -100 136 -74 136L74 136C100 136 118 128 118 100L118 -10C118 -30 118 -50 100 -50z", fill);
  s += path("M-96 -10C-100 40 -100 90 -84 116", "none", { stroke: "#ffffff", "stroke-width": 12, "stroke-linecap": "round", opacity: 0.35 });
  s += rect(-84, 20, 168, 70, pal.light, { rx: 8 }) + rect(-84, 30, 168, 4, cloth) + rect(-84, 76, 168, 4, cloth);
  s += circle(0, 55, 14, fill);
  s += rect(-106, -80, 212, 34, shade(fill, -0.3), { rx: 8 });
  s += path("M-126 -76C-116 -120 116 -120 126 -76L126 -50L-126 -50z", cloth) + path(teethD(-126, 126, -50, 21, 18), cloth);
  s += line("M-118 -56C-60 -46 60 -46 118 -56", "#c9a063", 6);
  if (side === "mango") {
    s += g(tr(150, 120, -20), path("M0 -50C40 -50 52 10 30 40C10 62 -36 54 -40 16C-44 -20 -30 -50 0 -50z", "#f0a020") + path("M0 -50C12 -40 34 -20 30 40C50 10 40 -50 0 -50z", "#e0701a", { opacity: 0.6 }) + leaf(0, -48, 30, 44, "#3f7a45"));
  } else {
    for (const [x, y, rot] of [[140, 140, 20], [180, 120, -30], [-150, 140, 60]] as const)
      s += g(tr(x, y, rot), path("M-24 0C-24 -16 -10 -20 -4 -12C2 -20 24 -16 24 0C24 16 10 20 4 12C-2 20 -24 16 -24 0z", "#d6b07a", { stroke: "#a8824e", "stroke-width": 3 }));
  }
  return s;
}

/** A tall bottle with a label: olive oil (with olives) or chilli sauce (with a chilli). */
function tallBottle(c: Ctx, liquid: string, side: "olives" | "chilli"): string {
  const { pal } = c;
  let s = path("M-26 -170H26V-110C26 -80 70 -70 70 -30V130Q70 146 54 146H-54Q-70 146 -70 130V-30C-70 -70 -26 -80 -26 -110z", liquid);
  s += rect(-30, -196, 60, 34, side === "chilli" ? "#2b2522" : "#c9a063", { rx: 6 });
  s += path("M-48 -20C-54 20 -54 90 -46 120", "none", { stroke: "#ffffff", "stroke-width": 9, "stroke-linecap": "round", opacity: 0.35 });
  s += rect(-70, 10, 140, 80, pal.light) + rect(-70, 16, 140, 4, shade(liquid, -0.3)) + rect(-70, 80, 140, 4, shade(liquid, -0.3));
  if (side === "olives") {
    s += leaf(-10, 72, -50, 44, "#4f7a2f") + leaf(10, 72, 40, 44, "#4f7a2f");
    s += g(tr(140, 130), ellipse(-18, 0, 16, 22, "#4a5a24") + ellipse(16, 6, 16, 22, "#2b2a22") + leaf(0, -16, 20, 60, "#6b8f4a", 0.2));
  } else {
    s += g(tr(0, 50, 0, 0.35), chilli(-20, -40, 30, 1, "#c0261f"));
    s += chilli(120, 40, 20, 0.9, "#c0261f");
  }
  return s;
}

/** A bar of soap, stacked, with a leaf (black soap and the like). */
const soapBars: Motif = (c) => {
  const { r } = c;
  const soap = r.pick(["#3b2f28", "#2b2522", "#4a3a2c"]);
  let s = "";
  s += g(tr(0, 90), rect(-130, -30, 260, 80, shade(soap, -0.2), { rx: 26 }) + rect(-130, -44, 260, 74, soap, { rx: 26 }));
  s += g(tr(10, -10, -6), rect(-110, -30, 220, 76, shade(soap, -0.2), { rx: 26 }) + rect(-110, -44, 220, 70, shade(soap, 0.1), { rx: 26 }) + path("M-60 -20C-30 -30 20 -6 50 -22", "none", { stroke: shade(soap, 0.3), "stroke-width": 6, "stroke-linecap": "round" }));
  s += leaf(-150, 150, -50, 120, "#3f7a45", 0.3) + leaf(150, 150, 50, 100, "#4f7a2f", 0.3);
  return s;
};

/** A carved bust on a plinth: stone, bronze or wood. */
const sculpture: Motif = (c) => {
  const { r } = c;
  const mat = r.pick(["#4a5a52", "#8a5a2a", "#3b2a1e", "#6b4a2e", "#2f3a3a"]);
  const hi = shade(mat, 0.3);
  let s = rect(-110, 110, 220, 50, "#d9c7a6", { rx: 4 }) + rect(-110, 110, 220, 10, "#c4b08c");
  s += path("M-80 110C-80 60 -60 40 -30 30L-26 10C-60 -10 -70 -60 -64 -100C-56 -160 56 -160 64 -100C70 -60 60 -10 26 10L30 30C60 40 80 60 80 110z", mat);
  s += path("M-40 -120C-20 -140 20 -140 40 -120", "none", { stroke: hi, "stroke-width": 6, "stroke-linecap": "round" });
  s += ellipse(-22, -70, 12, 6, shade(mat, -0.4)) + ellipse(22, -70, 12, 6, shade(mat, -0.4));
  s += path("M0 -66L-8 -34H8z", shade(mat, -0.2)) + line("M-16 -16Q0 -8 16 -16", shade(mat, -0.45), 5);
  s += path("M-56 -60C-60 -20 -40 0 -26 10", "none", { stroke: hi, "stroke-width": 5, opacity: 0.6 });
  return s;
};

/** A carved wooden mask. */
const mask: Motif = (c) => {
  const { r, pal } = c;
  const wood = r.pick(["#6b3a22", "#8b4a2b", "#3b2a1e", "#a0622d"]);
  const paint = r.pick([pal.light, "#e8d5b0", "#c0392b"]);
  let s = path("M0 -180C90 -180 110 -80 100 10C90 100 40 170 0 180C-40 170 -90 100 -100 10C-110 -80 -90 -180 0 -180z", wood);
  s += path("M-70 -40C-56 -60 -30 -60 -18 -40C-30 -30 -56 -30 -70 -40zM70 -40C56 -60 30 -60 18 -40C30 -30 56 -30 70 -40z", "#1f1712");
  s += line("M-74 -80Q-44 -100 -14 -80M74 -80Q44 -100 14 -80", paint, 6);
  s += path("M0 -40L-16 50H16z", shade(wood, -0.25)) + path("M-34 90Q0 120 34 90Q0 104 -34 90z", "#1f1712");
  s += line("M-60 10v40M-44 20v40M60 10v40M44 20v40", paint, 5);
  s += path("M-60 -150C-90 -100 -90 0 -70 70", "none", { stroke: "#ffffff", "stroke-width": 8, opacity: 0.15, "stroke-linecap": "round" });
  return s;
};

/** A stack of bangles or a cuff. */
const bangles: Motif = (c) => {
  const { r } = c;
  const metal = r.pick(["#d4a64a", "#b87333", "#c9ccd1"]);
  let s = "";
  for (let i = 0; i < 3; i++) {
    const x = -70 + i * 70;
    const y = 20 - (i % 2) * 30;
    s += ellipse(x, y, 96, 96, "none", { stroke: shade(metal, -0.3), "stroke-width": 24 });
    s += ellipse(x, y, 96, 96, "none", { stroke: metal, "stroke-width": 18 });
    s += ellipse(x, y, 96, 96, "none", { stroke: shade(metal, 0.4), "stroke-width": 4, "stroke-dasharray": "3 14" });
  }
  return s;
};

/** A pair of pointed babouche slippers. */
const slippers: Motif = (c) => {
  const { r, pal } = c;
  const hide = r.pick(["#d9a22b", "#b8322a", "#e8d5b0", "#2e3f6e", pal.p]);
  const one = (dx: number, dy: number, rot: number) =>
    g(
      tr(dx, dy, rot, 1.1, 0.8),
      path("M-60 120C-70 40 -60 -80 0 -170C60 -80 70 40 60 120Q0 140 -60 120z", shade(hide, -0.2)) +
        path("M-50 110C-56 40 -44 -40 0 -100C44 -40 56 40 50 110z", hide) +
        path("M-46 -20C-20 -40 20 -40 46 -20L50 20C20 4 -20 4 -50 20z", shade(hide, -0.3)) +
        line(zigzagD(-40, 40, 70, 16, 10), pal.light, 3),
    );
  return one(-72, 20, -14) + one(72, 0, 14);
};

/** A round embroidered leather pouf. */
const pouf: Motif = (c) => {
  const { r, pal } = c;
  const hide = r.pick(["#b9773d", "#8b4a2b", "#d9a22b", "#a8432f"]);
  let s = ellipse(0, 130, 170, 30, shade(hide, -0.35));
  s += path("M-170 -10V120A170 30 0 0 0 170 120V-10z", hide);
  s += ellipse(0, -10, 170, 52, shade(hide, 0.12));
  s += path(teethD(-168, 168, 120, 28, -40), shade(hide, -0.25), { opacity: 0.8 });
  s += line(zigzagD(-160, 160, 40, 32, 22), pal.light, 4);
  for (let i = 0; i < 8; i++) s += g(D`translate(0 -10) rotate(${i * 45}) scale(1 0.3)`, path("M0 0C14 -20 10 -60 0 -90C-10 -60 -14 -20 0 0z", pal.light));
  s += circle(0, -10, 10, pal.a);
  return s;
};

/** A leather wallet or a leather-bound journal. */
function flatLeather(c: Ctx, what: "wallet" | "journal"): string {
  const { r, pal } = c;
  const hide = r.pick(["#8b4a2b", "#6b3a22", "#a0522d", "#5a2a1e"]);
  const stitch = shade(hide, 0.55);
  if (what === "wallet") {
    let s = rect(-150, -90, 300, 190, shade(hide, -0.2), { rx: 18 }) + rect(-150, -100, 300, 190, hide, { rx: 18 });
    s += line("M-138 -88H138V78H-138z", stitch, 3, { "stroke-dasharray": "8 7" });
    s += rect(-130, -150, 180, 60, "#3f7a45", { rx: 6 }) + rect(-110, -170, 180, 70, "#d9c7a6", { rx: 6 });
    s += rect(-150, -20, 300, 8, shade(hide, -0.3));
    return g("rotate(-8)", s);
  }
  let s = rect(-120, -160, 250, 320, "#f1e4c8", { rx: 8 }) + rect(-130, -170, 240, 330, hide, { rx: 10 });
  s += line("M-118 -158H98V148H-118z", stitch, 3, { "stroke-dasharray": "8 7" });
  s += band(c, -130, -40, 240, 40, shade(hide, -0.2), pal.a);
  s += line("M110 -10C170 -10 170 40 120 60C90 70 60 120 40 170", shade(hide, -0.3), 10);
  return s;
}

/** A coiled belt with its buckle. */
const belt: Motif = (c) => {
  const { r } = c;
  const hide = r.pick(["#6b3a22", "#3b2a1e", "#8b4a2b"]);
  let s = "";
  for (const rad of [150, 118, 86]) s += circle(0, 0, rad, "none", { stroke: hide, "stroke-width": 30 }) + circle(0, 0, rad, "none", { stroke: shade(hide, 0.5), "stroke-width": 2, "stroke-dasharray": "6 8" });
  s += path("M54 -30H176V30H54z", hide);
  s += rect(150, -46, 60, 92, "none", { stroke: "#d4a64a", "stroke-width": 12, rx: 8 }) + rect(176, -4, 40, 8, "#d4a64a");
  return s;
};

/** Recycled-glass tumblers. */
const tumblers: Motif = (c) => {
  const { r } = c;
  const glass = r.pick(["#3d8a7a", "#4f8fb0", "#6a9a4a", "#8fb8a8"]);
  const one = (x: number, y: number, h: number) =>
    g(
      tr(x, y),
      path(D`M-52 ${-h}H52L44 0Q42 12 30 12H-30Q-42 12 -44 0z`, glass, { opacity: 0.85 }) +
        ellipse(0, -h, 52, 10, shade(glass, 0.3)) +
        path(D`M-40 ${-h + 16}L-34 -10`, "none", { stroke: "#ffffff", "stroke-width": 8, opacity: 0.45, "stroke-linecap": "round" }) +
        ellipse(0, -h * 0.25, 44, 5, shade(glass, -0.25), { opacity: 0.6 }),
    );
  return one(-90, 150, 150) + one(70, 130, 190) + one(150, 160, 120);
};

/** An empty serving bowl: carved wood, painted ceramic or woven telephone wire. */
const servingBowl: Motif = (c) => {
  const { r, pal } = c;
  const mat = r.pick(["#8b5a2b", "#a0622d", "#2e6f8e", "#e8d5b0", "#c4552f"]);
  let s = ellipse(0, 120, 150, 18, "#000000", { opacity: 0.12 });
  s += path("M-170 -20A170 40 0 0 0 170 -20C170 80 90 130 0 130C-90 130 -170 80 -170 -20z", mat);
  s += ellipse(0, -20, 170, 40, shade(mat, -0.25)) + ellipse(0, -14, 150, 30, shade(mat, -0.45));
  s += band(c, -160, 20, 320, 34, shade(mat, -0.15), pal.light);
  s += path("M-170 -20C-166 60 -120 110 -60 126C-110 96 -146 50 -150 -10z", "#ffffff", { opacity: 0.15 });
  return s;
};

export type ArtKind =
  | "coffee-cup"
  | "coffee-pot"
  | "teapot"
  | "tea-sprig"
  | "spice-bowl"
  | "butter-jar"
  | "cloth-stack"
  | "cloth-hanging"
  | "basket"
  | "landscape-painting"
  | "abstract-painting"
  | "sculpture"
  | "mask"
  | "bead-strand"
  | "bead-collar"
  | "bangles"
  | "honey-jar"
  | "cocoa-pods"
  | "jam-jar"
  | "nut-butter-jar"
  | "nut-bowl"
  | "date-bowl"
  | "powder-green"
  | "powder-pale"
  | "powder-earth"
  | "oil-bottle"
  | "sauce-bottle"
  | "cosmetic-bottle"
  | "soap-bars"
  | "satchel"
  | "tote"
  | "slippers"
  | "pouf"
  | "wallet"
  | "journal"
  | "belt"
  | "clay-pot"
  | "serving-bowl"
  | "tumblers";

const KIND_DRAWINGS: Record<ArtKind, { category: ArtCategory; motif?: Motif }> = {
  "coffee-cup": { category: "coffee" },
  "coffee-pot": { category: "coffee" },
  teapot: { category: "tea" },
  "tea-sprig": { category: "tea" },
  "spice-bowl": { category: "spices" },
  "butter-jar": { category: "skincare" },
  "cloth-stack": { category: "textiles" },
  "cloth-hanging": { category: "textiles" },
  basket: { category: "crafts" },
  "landscape-painting": { category: "art" },
  "abstract-painting": { category: "art" },
  sculpture: { category: "art", motif: sculpture },
  mask: { category: "crafts", motif: mask },
  "bead-strand": { category: "jewellery" },
  "bead-collar": { category: "jewellery" },
  bangles: { category: "jewellery", motif: bangles },
  "honey-jar": { category: "foods" },
  "cocoa-pods": { category: "foods" },
  "jam-jar": { category: "foods", motif: (c) => preserveJar(c, "#e07a1a", "mango") },
  "nut-butter-jar": { category: "foods", motif: (c) => preserveJar(c, "#a8703a", "peanut") },
  "nut-bowl": { category: "foods", motif: nutBowl },
  "date-bowl": { category: "foods", motif: dateBowl },
  "powder-green": { category: "foods", motif: powderBowl("#7f9a3a") },
  "powder-pale": { category: "foods", motif: powderBowl("#eadcc0") },
  "powder-earth": { category: "beauty", motif: powderBowl("#9a6a4a") },
  "oil-bottle": { category: "foods", motif: (c) => tallBottle(c, "#b8a22a", "olives") },
  "sauce-bottle": { category: "foods", motif: (c) => tallBottle(c, "#b3241c", "chilli") },
  "cosmetic-bottle": { category: "beauty" },
  "soap-bars": { category: "beauty", motif: soapBars },
  satchel: { category: "leather" },
  tote: { category: "leather" },
  slippers: { category: "leather", motif: slippers },
  pouf: { category: "leather", motif: pouf },
  wallet: { category: "leather", motif: (c) => flatLeather(c, "wallet") },
  journal: { category: "leather", motif: (c) => flatLeather(c, "journal") },
  belt: { category: "leather", motif: belt },
  "clay-pot": { category: "home" },
  "serving-bowl": { category: "home", motif: servingBowl },
  tumblers: { category: "home", motif: tumblers },
};

export const ART_KINDS = Object.keys(KIND_DRAWINGS) as ArtKind[];

export function isArtKind(value: string | null | undefined): value is ArtKind {
  return !!value && Object.hasOwn(KIND_DRAWINGS, value);
}

const MOTIFS: Record<ArtCategory, Motif> = {
  coffee,
  tea,
  spices,
  skincare,
  textiles,
  crafts,
  art,
  jewellery,
  foods,
  beauty,
  leather,
  home,
};

// ---------------------------------------------------------------------------
// Background patterns (product art)
// ---------------------------------------------------------------------------

function bgPattern(c: Ctx, id: string, col: string): string {
  const style = c.r.int(0, 5);
  const sz = c.r.pick([36, 44, 52]);
  let inner = "";
  let rot = 0;
  if (style === 0) inner = circle(sz / 2, sz / 2, sz * 0.11, col);
  else if (style === 1) {
    inner = rect(0, 0, sz / 3, sz, col);
    rot = c.r.pick([45, -45, 30]);
  } else if (style === 2) inner = line(D`M0 ${sz * 0.7}L${sz / 2} ${sz * 0.3}L${sz} ${sz * 0.7}`, col, sz * 0.12, { "stroke-linecap": "square" });
  else if (style === 3) inner = path(D`M${sz / 2 - 2} ${sz * 0.25}h4v${sz * 0.5}h-4zM${sz * 0.25} ${sz / 2 - 2}h${sz * 0.5}v4h${-sz * 0.5}z`, col);
  else if (style === 4) inner = path(D`M${sz / 2} ${sz * 0.22}L${sz * 0.78} ${sz * 0.72}H${sz * 0.22}z`, col);
  else inner = path(D`M${sz / 2} ${sz * 0.15}L${sz * 0.85} ${sz / 2}L${sz / 2} ${sz * 0.85}L${sz * 0.15} ${sz / 2}z`, "none", { stroke: col, "stroke-width": 3 });
  return el(
    "pattern",
    { id, width: sz, height: sz, patternUnits: "userSpaceOnUse", patternTransform: rot ? `rotate(${rot})` : undefined },
    inner,
  );
}

// ---------------------------------------------------------------------------
// Store textile patterns (banner)
// ---------------------------------------------------------------------------

type Tile = { w: number; h: number; body: string; ground: string };

function kenteTile(c: Ctx): Tile {
  const { r, pal } = c;
  const sw = r.pick([90, 100, 110]);
  const bh = r.pick([56, 62, 70]);
  const cols = r.shuffle([pal.p, pal.s, pal.a]);
  const ink = new Ink();
  const mark = r.int(0, 2);
  for (let k = 0; k < 2; k++) {
    const x0 = k * sw;
    const base = cols[k];
    ink.add(base, rectD(x0, 0, sw, bh * 4));
    for (let j = 0; j < 4; j++) {
      const y0 = j * bh;
      if ((j + k) % 2 === 0) {
        for (let i = 0; i < 4; i++) ink.add(i % 2 ? pal.dark : cols[2], rectD(x0, y0 + 6 + i * (bh / 4.5), sw, bh / 9), 1);
      } else {
        ink.add(k ? cols[0] : cols[1], rectD(x0 + 8, y0 + 4, sw - 16, bh - 8), 1);
        const cx = x0 + sw / 2;
        const cy = y0 + bh / 2;
        const q = bh * 0.3;
        if (mark === 0) ink.add(pal.light, D`M${cx} ${cy - q}l${q} ${q}l${-q} ${q}l${-q} ${-q}z`, 2);
        else if (mark === 1) ink.add(pal.light, rectD(cx - sw * 0.3, cy - 3, sw * 0.6, 6) + rectD(cx - 3, cy - q, 6, 2 * q), 2);
        else ink.add(pal.dark, teethD(x0 + 12, x0 + sw - 12, cy + q / 2, (sw - 24) / 4, -q), 2);
      }
    }
    ink.add(pal.dark, rectD(x0, 0, 4, bh * 4) + rectD(x0 + sw - 9, 0, 3, bh * 4), 3);
  }
  return { w: sw * 2, h: bh * 4, body: ink.svg(), ground: cols[0] };
}

function mudclothTile(c: Ctx): Tile {
  const { r, pal } = c;
  const ground = r.pick(["#2e2520", "#3b2a1f", "#5a2e1c", shade(pal.s, -0.45), "#26304f"]);
  const cream = "#efe3c8";
  const cw = 120;
  const ch = 100;
  const marks = r.shuffle([0, 1, 2, 3, 4, 5]).slice(0, 4);
  let strokes = "";
  let dots = "";
  marks.forEach((m, i) => {
    const x = (i % 2) * cw;
    const y = Math.floor(i / 2) * ch;
    const cx = x + cw / 2;
    const cy = y + ch / 2;
    if (m === 0) for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) dots += dotD(x + 30 + a * 30, y + 22 + b * 28, 5);
    else if (m === 1) strokes += zigzagD(x + 14, x + cw - 14, cy + 14, 23, 28);
    else if (m === 2) strokes += D`M${cx - 20} ${cy - 20}l40 40M${cx + 20} ${cy - 20}l-40 40M${x + 16} ${y + 18}l12 12M${x + cw - 16} ${y + 18}l-12 12M${x + 16} ${y + ch - 18}l12 -12M${x + cw - 16} ${y + ch - 18}l-12 -12`;
    else if (m === 3) {
      strokes += D`M${cx - 28} ${cy}a28 28 0 1 0 56 0a28 28 0 1 0 -56 0`;
      dots += dotD(cx, cy, 8);
    } else if (m === 4) {
      strokes += D`M${x + 12} ${cy}H${x + cw - 12}`;
      for (let k = 0; k < 7; k++) strokes += D`M${x + 20 + k * 13.5} ${cy - 14}v28`;
    } else strokes += D`M${cx} ${cy - 30}l30 30l-30 30l-30 -30zM${cx} ${cy - 12}l12 12l-12 12l-12 -12z`;
  });
  strokes += D`M0 2H${2 * cw}M0 ${ch}H${2 * cw}M${cw} 0V${2 * ch}`;
  const body = rect(0, 0, 2 * cw, 2 * ch, ground) + line(strokes, cream, 5) + path(dots, cream);
  return { w: 2 * cw, h: 2 * ch, body, ground };
}

function ndebeleTile(c: Ctx): Tile {
  const { r, pal } = c;
  const white = "#f7f2e8";
  const k = pal.dark;
  const cols = r.shuffle([pal.p, pal.s, pal.a, "#e0b43a", "#2e6fa8"]);
  const W = 200;
  const H = 250;
  let s = rect(0, 0, W, H, white);
  // stepped "house" block
  s += path(D`M20 230V120H45V90H75V60H125V90H155V120H180V230z`, cols[0], { stroke: k, "stroke-width": 7 });
  s += path(D`M70 230V150H130V230z`, cols[1], { stroke: k, "stroke-width": 6 });
  s += path(D`M85 215V165H115V215z`, white, { stroke: k, "stroke-width": 4 });
  // chevrons on top
  s += path(D`M20 50L50 14L80 50L65 50L50 32L35 50zM120 50L150 14L180 50L165 50L150 32L135 50z`, cols[2], { stroke: k, "stroke-width": 4 });
  // side triangles
  s += path(D`M2 70L2 110L32 90zM198 70L198 110L168 90z`, cols[3], { stroke: k, "stroke-width": 4 });
  s += rect(0, 0, W, H, "none", { stroke: k, "stroke-width": 10 });
  return { w: W, h: H, body: s, ground: white };
}

function kubaTile(c: Ctx): Tile {
  const { r, pal } = c;
  const raffia = r.pick(["#d9c49a", "#e3cfa4", "#cdb487"]);
  const ink = r.pick(["#3b2a1e", "#4a2c1d", pal.dark]);
  const fillC = r.pick([pal.p, pal.s, "#8c2f39"]);
  const S = 100;
  let s = rect(0, 0, S, S, raffia);
  if (r.chance(0.5)) {
    // nested diamonds lattice
    let d = "";
    for (const q of [46, 32, 18]) d += D`M${S / 2} ${S / 2 - q}l${q} ${q}l${-q} ${q}l${-q} ${-q}z`;
    // corner quarter diamonds
    for (const q of [46, 32]) {
      const t = S / 2 - q;
      d += D`M0 ${t}L${t} 0M${S - t} 0L${S} ${t}M${S} ${S - t}L${S - t} ${S}M${t} ${S}L0 ${S - t}`;
    }
    s += path(D`M${S / 2} ${S / 2 - 8}l8 8l-8 8l-8 -8z`, fillC);
    s += path(D`M0 0l10 0l-10 10zM${S} 0l0 10l-10 -10zM${S} ${S}l-10 0l10 -10zM0 ${S}l0 -10l10 10z`, fillC);
    s += line(d, ink, 5, { "stroke-linecap": "square" });
  } else {
    // interlocking zigzag bands
    s += path(D`M0 30L25 5L50 30L75 5L100 30V45L75 20L50 45L25 20L0 45z`, fillC);
    s += line(D`M0 30L25 5L50 30L75 5L100 30M0 45L25 20L50 45L75 20L100 45M0 80L25 55L50 80L75 55L100 80M0 95L25 70L50 95L75 70L100 95`, ink, 5, { "stroke-linecap": "square" });
  }
  return { w: S, h: S, body: s, ground: raffia };
}

// ---------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------

function makeCtx(kind: string, category: string, seed: string): Ctx {
  const h = hash32(`${kind}|${category}|${seed}`);
  const prefix = "a" + h.toString(36);
  let n = 0;
  return {
    r: new Rng(h),
    pal: PALETTES[0],
    uid: () => prefix + "_" + n++,
  };
}

function motifFor(category: ArtCategory): Motif {
  const m = MOTIFS[category];
  if (!m) throw new Error(`Unknown art category: ${String(category)}`);
  return m;
}

function svgDoc(w: number, h: number, body: string, kind?: ArtKind): string {
  const tag = kind ? ` data-kind="${kind}"` : "";
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img"${tag}>${body}</svg>`;
}

/**
 * Square product illustration: the motif of the product's kind (or, without a kind,
 * one of its category's) on a patterned background. The SVG names its kind (data-kind).
 */
export function productArt(input: { category: ArtCategory; seed: string; kind?: ArtKind }): string {
  const { width: W, height: H } = PRODUCT_ART_SIZE;
  const drawing = input.kind ? KIND_DRAWINGS[input.kind] : undefined;
  const category = drawing?.category ?? input.category;
  const motif = drawing?.motif ?? motifFor(category);
  const c = makeCtx("product", input.kind ? `${category}:${input.kind}` : category, input.seed);
  c.kind = input.kind;
  const { r } = c;
  const pal = r.pick(PALETTES);
  c.pal = pal;
  const pid = c.uid();
  let s = bgPattern(c, pid, pal.pat);
  s += rect(0, 0, W, H, pal.bg) + rect(0, 0, W, H, `url(#${pid})`);
  const stage = r.int(0, 2);
  const ring = r.pick([pal.p, pal.s, pal.a]);
  if (stage === 0) {
    s += circle(300, 300, 244, ring) + circle(300, 300, 232, pal.light);
    s += circle(300, 300, 218, "none", { stroke: ring, "stroke-width": 3, "stroke-dasharray": "2 10", "stroke-linecap": "round" });
  } else if (stage === 1) {
    s += path("M84 600V290A216 216 0 0 1 516 290V600z", ring) + path("M98 600V290A202 202 0 0 1 502 290V600z", pal.light);
  } else {
    s += rect(70, 70, 460, 460, ring, { rx: 60 }) + rect(82, 82, 436, 436, pal.light, { rx: 50 });
  }
  // floor shadow under the motif
  s += ellipse(300, 470, 170, 18, pal.dark, { opacity: 0.1 });
  const sc = r.pick([0.9, 1, 1]);
  const rot = r.range(-5, 5);
  const dx = r.range(-8, 8);
  s += g(tr(300 + dx, 300, rot, sc), motif(c));
  if (r.chance(0.4)) {
    // textile border along the bottom
    s += band(c, 0, 566, W, 34, pal.dark, r.pick([pal.p, pal.a, pal.light]));
  }
  return svgDoc(W, H, s, input.kind);
}

/** Wide store banner: African-textile-inspired pattern with the store's signature product (or its category's motif) in a roundel. */
export function storeArt(input: { category: ArtCategory; seed: string; kind?: ArtKind }): string {
  const { width: W, height: H } = STORE_ART_SIZE;
  const drawing = input.kind ? KIND_DRAWINGS[input.kind] : undefined;
  const motif = drawing?.motif ?? motifFor(drawing?.category ?? input.category);
  const c = makeCtx("store", input.kind ? `${input.category}:${input.kind}` : input.category, input.seed);
  c.kind = input.kind;
  const { r } = c;
  const pal = r.pick(PALETTES);
  c.pal = pal;
  const kind = r.int(0, 3);
  const tile = kind === 0 ? kenteTile(c) : kind === 1 ? mudclothTile(c) : kind === 2 ? ndebeleTile(c) : kubaTile(c);
  const pid = c.uid();
  let s = el(
    "pattern",
    { id: pid, width: tile.w, height: tile.h, patternUnits: "userSpaceOnUse", patternTransform: D`translate(${r.int(0, tile.w)} ${r.int(0, tile.h)})` },
    tile.body,
  );
  s += rect(0, 0, W, H, tile.ground) + rect(0, 0, W, H, `url(#${pid})`);
  const cx = r.pick([600, 600, 330, 870]);
  const cy = 250;
  const ring = r.pick([pal.p, pal.s, pal.a]);
  s += circle(cx, cy, 214, pal.dark, { opacity: 0.3 });
  s += circle(cx, cy, 206, pal.dark) + circle(cx, cy, 196, ring) + circle(cx, cy, 184, pal.light);
  s += circle(cx, cy, 172, "none", { stroke: ring, "stroke-width": 3, "stroke-dasharray": "2 10", "stroke-linecap": "round" });
  s += g(tr(cx, cy + 4, r.range(-4, 4), 0.7), motif(c));
  return svgDoc(W, H, s, input.kind);
}
