// Barnes-Hut quadtree on typed arrays for the layout's repulsion (pure). Storage is allocated
// once and reused by every iteration; a cell's centre of mass, mass, width and spread sit side by side.

const MAX_DEPTH = 48;
const X = 0,
  Y = 1,
  M = 2,
  W = 3,
  S = 4,
  STRIDE = 5;

export class QuadTree {
  /** Per cell: centre of mass x, y, mass, width, mass-weighted mean spread (stride 5). */
  private cell: Float64Array;
  /** Per cell: the centre of its square (stride 2), used while inserting. */
  private mid: Float64Array;
  /** Per cell: index of its first of four consecutive children, or -1 for a leaf. */
  private child: Int32Array;
  /** Per leaf: its first body, or -1; bodies past the depth limit are chained by `next`. */
  private body: Int32Array;
  private next: Int32Array;
  private stack = new Int32Array(4 * MAX_DEPTH + 8);
  private used = 0;
  /** The force found by the last `repel` call. */
  fx = 0;
  fy = 0;

  constructor(bodies: number) {
    this.next = new Int32Array(bodies);
    this.cell = this.mid = new Float64Array(0);
    this.child = this.body = new Int32Array(0);
    this.grow(2 * bodies + 8);
  }

  private grow(cap: number): void {
    const cell = new Float64Array(STRIDE * cap),
      mid = new Float64Array(2 * cap);
    const child = new Int32Array(cap),
      body = new Int32Array(cap);
    cell.set(this.cell);
    mid.set(this.mid);
    child.set(this.child);
    body.set(this.body);
    Object.assign(this, { cell, mid, child, body });
  }

  /** Builds the tree over bodies 0..n-1 with masses m and spreads s, inserted in `order` (the
   *  previous iteration's order is fastest), then rewrites `order` in the tree's depth-first
   *  order, so that bodies close in space are next to each other. */
  build(n: number, x: Float64Array, y: Float64Array, m: Float64Array, s: Float64Array, order: Int32Array): void {
    // Out of cells (points packed very close): grow and start again.
    while (!this.insert(n, x, y, m, s, order)) this.grow(2 * this.child.length);
    const { cell, child, body, next, stack } = this;
    for (let k = 0; k < STRIDE * this.used; k += STRIDE) {
      if (cell[k + M] > 0) {
        cell[k + X] /= cell[k + M];
        cell[k + Y] /= cell[k + M];
        cell[k + S] /= cell[k + M];
      }
    }
    let sp = 1,
      out = 0;
    stack[0] = 0;
    while (sp > 0) {
      const c = stack[--sp];
      if (child[c] >= 0) for (let k = child[c] + 3; k >= child[c]; k--) stack[sp++] = k;
      else for (let b = body[c]; b >= 0; b = next[b]) order[out++] = b;
    }
  }

  private insert(
    n: number,
    x: Float64Array,
    y: Float64Array,
    m: Float64Array,
    s: Float64Array,
    order: Int32Array,
  ): boolean {
    let x0 = Infinity,
      y0 = Infinity,
      x1 = -Infinity,
      y1 = -Infinity;
    for (let i = 0; i < n; i++) {
      x0 = Math.min(x0, x[i]);
      x1 = Math.max(x1, x[i]);
      y0 = Math.min(y0, y[i]);
      y1 = Math.max(y1, y[i]);
    }
    const { cell, mid, child, body, next } = this;
    const cap = child.length;
    let used = 0;
    const open = (cx: number, cy: number, w: number) => {
      cell.fill(0, STRIDE * used, STRIDE * used + STRIDE);
      cell[STRIDE * used + W] = w;
      mid[2 * used] = cx;
      mid[2 * used + 1] = cy;
      child[used] = body[used] = -1;
      return used++;
    };
    const deposit = (c: number, b: number) => {
      const k = STRIDE * c,
        mb = m[b];
      cell[k + X] += mb * x[b];
      cell[k + Y] += mb * y[b];
      cell[k + M] += mb;
      cell[k + S] += mb * s[b];
    };
    open((x0 + x1) / 2, (y0 + y1) / 2, Math.max(x1 - x0, y1 - y0) * 1.0001 + 1e-9);
    for (let q = 0; q < n; q++) {
      const b = order[q],
        px = x[b],
        py = y[b];
      let c = 0;
      for (let depth = 0; ; depth++) {
        if (child[c] < 0) {
          const other = body[c];
          if (other < 0 || depth >= MAX_DEPTH) {
            next[b] = other;
            body[c] = b;
            deposit(c, b);
            break;
          }
          // Split the leaf into four, move its body one level down, then keep descending.
          if (used + 4 > cap) return false;
          const h = cell[STRIDE * c + W] / 2,
            r = h / 2,
            mx = mid[2 * c],
            my = mid[2 * c + 1];
          child[c] = open(mx - r, my - r, h);
          open(mx + r, my - r, h);
          open(mx - r, my + r, h);
          open(mx + r, my + r, h);
          const to = child[c] + (x[other] >= mx ? 1 : 0) + (y[other] >= my ? 2 : 0);
          body[to] = other;
          next[other] = -1;
          deposit(to, other);
          body[c] = -1;
        }
        deposit(c, b);
        c = child[c] + (px >= mid[2 * c] ? 1 : 0) + (py >= mid[2 * c + 1] ? 2 : 0);
      }
    }
    this.used = used;
    return true;
  }

  /** Sets fx, fy to the sum over other bodies j of m_j·(p_i − p_j) / (d² + s_i + s_j), cells of
   *  width w < theta·d taken as one body at their centre of mass. */
  repel(i: number, x: Float64Array, y: Float64Array, m: Float64Array, s: Float64Array, theta2: number): void {
    const { cell, child, body, next, stack } = this;
    const xi = x[i],
      yi = y[i],
      si = s[i];
    let ax = 0,
      ay = 0,
      sp = 1;
    stack[0] = 0;
    while (sp > 0) {
      const c = stack[--sp],
        k = STRIDE * c;
      const dx = xi - cell[k + X],
        dy = yi - cell[k + Y],
        d2 = dx * dx + dy * dy;
      if (child[c] >= 0 && cell[k + W] * cell[k + W] >= theta2 * d2) {
        const f = child[c];
        for (let q = f; q < f + 4; q++) if (cell[STRIDE * q + M] > 0) stack[sp++] = q;
      } else if (child[c] >= 0 || next[body[c]] < 0) {
        // A far cell, or a leaf with one body (its centre of mass is the body's position).
        if (d2 > 0) {
          const f = cell[k + M] / (d2 + si + cell[k + S]);
          ax += dx * f;
          ay += dy * f;
        }
      } else {
        for (let b = body[c]; b >= 0; b = next[b]) {
          const ex = xi - x[b],
            ey = yi - y[b],
            e2 = ex * ex + ey * ey;
          if (e2 > 0) {
            const f = m[b] / (e2 + si + s[b]);
            ax += ex * f;
            ay += ey * f;
          }
        }
      }
    }
    this.fx = ax;
    this.fy = ay;
  }
}
