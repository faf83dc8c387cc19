// The network's lines drawn by one WebGL2 program, as a sigma v4 custom layer under the people:
// one instanced quad per line drawn, from the edge model's packed list (ends, and a look byte of
// class and lit flag), uploaded again only when that list changes; the widths and colours are
// uniforms. A brush move therefore costs sigma nothing, and a frame is one draw call whose vertex
// work is a handful of multiplications per line (sigma's general edge program reads both ends
// from a texture for every vertex). Lines thinner than a device pixel are drawn one pixel wide
// and fainter, so hairlines neither vanish nor shimmer. The layer keeps no data of its own: after
// a lost context sigma builds a new one from the same model (edge-model.ts).
import type { RenderParams } from "sigma/types";
import { type EdgeModel, lineWidthPx, type PackedLines } from "./edge-model";
import type { NetworkRenderer } from "./label-layer";

/** What sigma's addCustomLayerProgram expects (its type is not exported). */
export interface CustomLayer {
  render(params: RenderParams): void;
  kill(): void;
}

const VERTEX = `#version 300 es
in vec2 a_corner;
in vec4 a_ends;
in uint a_look;
uniform mat3 u_matrix;
uniform vec2 u_normOffset;
uniform float u_normScale;
uniform vec2 u_res;
uniform float u_widths[8];
uniform vec4 u_colours[2];
out float v_across;
out float v_half;
out vec4 v_colour;
void main() {
  uint lit = a_look >> 7;  // LIT_BIT
  float w = u_widths[a_look & 0x7fu];
  if (w <= 0.0) { gl_Position = vec4(2.0, 2.0, 2.0, 1.0); return; }
  vec2 s = (u_matrix * vec3(u_normOffset + a_ends.xy * u_normScale, 1.0)).xy * 0.5 * u_res;
  vec2 t = (u_matrix * vec3(u_normOffset + a_ends.zw * u_normScale, 1.0)).xy * 0.5 * u_res;
  vec2 d = t - s;
  float len = length(d);
  vec2 n = len > 0.0 ? vec2(-d.y, d.x) / len : vec2(0.0, 1.0);
  float core = max(w, 1.0);
  float reach = 0.5 * core + 0.5;
  vec2 p = mix(s, t, a_corner.x) + n * (a_corner.y * reach);
  gl_Position = vec4(p / (0.5 * u_res), 0.0, 1.0);
  v_across = a_corner.y * reach;
  v_half = 0.5 * core;
  v_colour = u_colours[lit] * min(w, 1.0);
}`;

const FRAGMENT = `#version 300 es
precision mediump float;
in float v_across;
in float v_half;
in vec4 v_colour;
out vec4 fragColor;
void main() {
  float cover = clamp(v_half + 0.5 - abs(v_across), 0.0, 1.0);
  if (cover <= 0.0) discard;
  fragColor = v_colour * cover;
}`;

/** The factory sigma calls with its context, now and after a lost context is restored. */
export function edgeLayer(model: EdgeModel, renderer: NetworkRenderer): (gl: WebGL2RenderingContext) => CustomLayer {
  return (gl) => (gl.isContextLost() ? { render() {}, kill() {} } : createLayer(gl, model, renderer));
}

function createLayer(gl: WebGL2RenderingContext, model: EdgeModel, renderer: NetworkRenderer): CustomLayer {
  const program = link(gl);
  const at = (name: string) => gl.getUniformLocation(program, name);
  const u = {
    matrix: at("u_matrix"),
    normOffset: at("u_normOffset"),
    normScale: at("u_normScale"),
    res: at("u_res"),
    widths: at("u_widths"),
    colours: at("u_colours"),
  };
  const vao = gl.createVertexArray();
  gl.bindVertexArray(vao);
  const corner = buffer(gl, new Float32Array([0, -1, 0, 1, 1, -1, 1, 1]), gl.STATIC_DRAW);
  attribute(gl, program, "a_corner", 2, 0);
  const ends = buffer(gl, new Float32Array(0), gl.DYNAMIC_DRAW);
  attribute(gl, program, "a_ends", 4, 1);
  const look = buffer(gl, new Uint8Array(0), gl.DYNAMIC_DRAW);
  byteAttribute(gl, program, "a_look");
  gl.bindVertexArray(null);
  /** The packed list in the buffers (pack returns a new one whenever it changes). */
  let uploaded: PackedLines | null = null;
  const colours = new Float32Array([...model.colours.unlit, ...model.colours.lit]);
  const widths = new Float32Array(8);

  return {
    render(p) {
      const lowest = model.lowestClassAt(p.zoomRatio);
      const lines = model.pack(lowest);
      if (lines.count === 0) return;
      gl.useProgram(program);
      gl.bindVertexArray(vao);
      if (uploaded !== lines) {
        upload(gl, ends, lines.ends.subarray(0, 4 * lines.count));
        upload(gl, look, lines.look.subarray(0, lines.count));
        uploaded = lines;
      }
      const fn = renderer.getNormalizationFunction();
      const origin = fn({ x: 0, y: 0 });
      gl.uniformMatrix3fv(u.matrix, false, p.matrix);
      gl.uniform2f(u.normOffset, origin.x, origin.y);
      gl.uniform1f(u.normScale, 1 / fn.ratio);
      gl.uniform2f(u.res, p.width * p.pixelRatio, p.height * p.pixelRatio);
      for (let k = 0; k < model.widths.length && k < 8; k++)
        widths[k] = lineWidthPx(model.widths[k], p.sizeRatio) * p.pixelRatio;
      gl.uniform1fv(u.widths, widths);
      gl.uniform4fv(u.colours, colours);
      gl.enable(gl.BLEND);
      gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
      gl.drawArraysInstanced(gl.TRIANGLE_STRIP, 0, 4, lines.count);
      gl.bindVertexArray(null);
    },
    kill() {
      for (const b of [corner, ends, look]) gl.deleteBuffer(b);
      gl.deleteVertexArray(vao);
      gl.deleteProgram(program);
    },
  };
}

function link(gl: WebGL2RenderingContext): WebGLProgram {
  const program = gl.createProgram();
  for (const [type, source] of [
    [gl.VERTEX_SHADER, VERTEX],
    [gl.FRAGMENT_SHADER, FRAGMENT],
  ] as const) {
    const shader = gl.createShader(type);
    if (!shader) throw new Error("Switchboard: the lines' shader could not be created");
    gl.shaderSource(shader, source);
    gl.compileShader(shader);
    if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS) && !gl.isContextLost())
      throw new Error(`Switchboard: the lines' shader did not compile: ${gl.getShaderInfoLog(shader)}`);
    gl.attachShader(program, shader);
    gl.deleteShader(shader);
  }
  gl.linkProgram(program);
  if (!gl.getProgramParameter(program, gl.LINK_STATUS) && !gl.isContextLost())
    throw new Error(`Switchboard: the lines' program did not link: ${gl.getProgramInfoLog(program)}`);
  return program;
}

function buffer(gl: WebGL2RenderingContext, data: ArrayBufferView, usage: GLenum): WebGLBuffer {
  const b = gl.createBuffer();
  gl.bindBuffer(gl.ARRAY_BUFFER, b);
  gl.bufferData(gl.ARRAY_BUFFER, data, usage);
  return b;
}

/** A float attribute from the buffer bound last; divisor 1 advances it per line. */
function attribute(gl: WebGL2RenderingContext, program: WebGLProgram, name: string, size: number, divisor: number) {
  const loc = gl.getAttribLocation(program, name);
  if (loc < 0) return;
  gl.enableVertexAttribArray(loc);
  gl.vertexAttribPointer(loc, size, gl.FLOAT, false, 0, 0);
  gl.vertexAttribDivisor(loc, divisor);
}

/** An unsigned byte per line from the buffer bound last, read as a uint. */
function byteAttribute(gl: WebGL2RenderingContext, program: WebGLProgram, name: string) {
  const loc = gl.getAttribLocation(program, name);
  if (loc < 0) return;
  gl.enableVertexAttribArray(loc);
  gl.vertexAttribIPointer(loc, 1, gl.UNSIGNED_BYTE, 0, 0);
  gl.vertexAttribDivisor(loc, 1);
}

function upload(gl: WebGL2RenderingContext, b: WebGLBuffer, data: ArrayBufferView) {
  gl.bindBuffer(gl.ARRAY_BUFFER, b);
  gl.bufferData(gl.ARRAY_BUFFER, data, gl.DYNAMIC_DRAW);
}
