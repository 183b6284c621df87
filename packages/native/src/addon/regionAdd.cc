// salkit's native region-weight kernel (Node-API): the plain-JS engine's sums, bit for bit.
//
//   w = alpha + beta * m             (float64; rounded to float32 when `round`)
//   cov[p] += w,  acc[c,p] += s[n,c] * w
//
// or numpy's float32 steps (`float32`, float32 masks): w = f32(f32(alpha) + f32(f32(beta) * m)),
// cov = f32(cov + w), acc = f32(acc + f32(s * w)). Per pixel the masks are added in order, on one
// thread, with no fused multiply-add (built with -ffp-contract=off): the same roundings as numpy.
// Threads own whole pixel blocks; within a block, a pixel vector's accumulators for up to G_MAX
// maps stay in registers while a chunk of masks streams by.
#include <node_api.h>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <thread>
#include <vector>

namespace {

typedef double v8d __attribute__((vector_size(64)));
typedef float v8f __attribute__((vector_size(32)));
typedef float v16f __attribute__((vector_size(64)));

constexpr size_t LANES = 8;
constexpr size_t BLOCK = 1024;  // pixels a thread takes at a time
// Masks per pass over a block. Rows a mask apart often share one L1 set (224x224 float32: 49
// pages), so a pass over more rows than its 8 ways reloads each line from L2: 8 rows when the
// maps are few and the pass is bound by reading them (1 map: 18 -> 10 ms for 1000 masks of
// 224x224), 16 when more maps' accumulators are loaded and stored per pass (10 maps: 31 -> 29).
inline size_t chunkFor(size_t maps) { return maps <= 4 ? 8 : 16; }
constexpr int G_MAX = 12;       // maps whose accumulators stay in registers

struct Job {
  void* acc;
  void* cov;
  const double* s;
  const void* m;
  size_t n, C, P;
  double alpha, beta;
  std::atomic<size_t> next{0};
  size_t blocks;
};

// eight mask values as float64 (exact for every mask type): one vector load and conversion
template <typename T>
inline v8d load8(const T* p) {
  typedef T V __attribute__((vector_size(LANES * sizeof(T))));
  V v;
  __builtin_memcpy(&v, p, sizeof v);
  return __builtin_convertvector(v, v8d);
}
inline void store8(double* p, v8d v) { __builtin_memcpy(p, &v, sizeof v); }
inline v8d round8(v8d w) { return __builtin_convertvector(__builtin_convertvector(w, v8f), v8d); }

// float64 arithmetic: maps [c0, c0 + G), masks [k0, k1), pixel vectors from p0
template <typename M, bool Round, bool Cov, int G>
void tileF64(const Job& j, size_t c0, size_t k0, size_t k1, size_t p0, size_t vectors) {
  double* acc = static_cast<double*>(j.acc);
  double* cov = static_cast<double*>(j.cov);
  const M* m = static_cast<const M*>(j.m);
  const v8d a = j.alpha - (v8d){}, b = j.beta - (v8d){};
  for (size_t v = 0; v < vectors; v++) {
    const size_t p = p0 + v * LANES;
    v8d sum[G];
    for (int g = 0; g < G; g++) sum[g] = load8(acc + (c0 + g) * j.P + p);
    v8d cv = Cov ? load8(cov + p) : (v8d){};
    const M* mk = m + k0 * j.P + p;
    const double* sk = j.s + k0 * j.C + c0;
    for (size_t k = k0; k < k1; k++, mk += j.P, sk += j.C) {
      v8d w = a + b * load8(mk);
      if (Round) w = round8(w);
      if (Cov) cv = cv + w;
      for (int g = 0; g < G; g++) sum[g] = sum[g] + sk[g] * w;
    }
    for (int g = 0; g < G; g++) store8(acc + (c0 + g) * j.P + p, sum[g]);
    if (Cov) store8(cov + p, cv);
  }
}

// the pixels after the last whole vector, one at a time (same operations)
template <typename M, bool Round>
void tailF64(const Job& j, size_t k0, size_t k1, size_t p0, size_t p1) {
  double* acc = static_cast<double*>(j.acc);
  double* cov = static_cast<double*>(j.cov);
  const M* m = static_cast<const M*>(j.m);
  for (size_t p = p0; p < p1; p++) {
    for (size_t k = k0; k < k1; k++) {
      double w = j.alpha + j.beta * (double)m[k * j.P + p];
      if (Round) w = (double)(float)w;
      cov[p] = cov[p] + w;
      const double* sk = j.s + k * j.C;
      for (size_t c = 0; c < j.C; c++) acc[c * j.P + p] = acc[c * j.P + p] + sk[c] * w;
    }
  }
}

template <typename M, bool Round, bool Cov>
void groupF64(int G, const Job& j, size_t c0, size_t k0, size_t k1, size_t p0, size_t vectors) {
  switch (G) {
#define SALKIT_G(g)                                               \
  case g:                                                         \
    tileF64<M, Round, Cov, g>(j, c0, k0, k1, p0, vectors); \
    break;
    SALKIT_G(0) SALKIT_G(1) SALKIT_G(2) SALKIT_G(3) SALKIT_G(4) SALKIT_G(5) SALKIT_G(6)
    SALKIT_G(7) SALKIT_G(8) SALKIT_G(9) SALKIT_G(10) SALKIT_G(11) SALKIT_G(12)
#undef SALKIT_G
  }
}

template <typename M, bool Round>
void workF64(Job* j) {
  for (;;) {
    const size_t blk = j->next.fetch_add(1);
    if (blk >= j->blocks) return;
    const size_t p0 = blk * BLOCK, p1 = std::min(j->P, p0 + BLOCK);
    const size_t vectors = (p1 - p0) / LANES, pv = p0 + vectors * LANES;
    const size_t chunk = chunkFor(j->C);
    for (size_t k0 = 0; k0 < j->n; k0 += chunk) {
      const size_t k1 = std::min(j->n, k0 + chunk);
      // the first group also sums the coverage (alone when there are no maps)
      groupF64<M, Round, true>((int)std::min<size_t>(G_MAX, j->C), *j, 0, k0, k1, p0, vectors);
      for (size_t c0 = G_MAX; c0 < j->C; c0 += G_MAX)
        groupF64<M, Round, false>((int)std::min<size_t>(G_MAX, j->C - c0), *j, c0, k0, k1, p0, vectors);
      tailF64<M, Round>(*j, k0, k1, pv, p1);
    }
  }
}

// numpy's float32 steps: w = f32(a + f32(b * m)), cov = f32(cov + w), acc = f32(acc + f32(s * w)).
// With float32-valued scalars (S32), f32(s * w) is a float32 multiply (the float64 product of two
// float32 values is exact), so sixteen lanes; else the float64 product rounded once, eight.
template <bool S32>
struct F32Lanes;
template <>
struct F32Lanes<true> {
  static constexpr size_t N = 16;
  typedef v16f V;
  static V mul(double s, V w) { return (float)s * w; }
};
template <>
struct F32Lanes<false> {
  static constexpr size_t N = 8;
  typedef v8f V;
  static V mul(double s, V w) { return __builtin_convertvector(s * __builtin_convertvector(w, v8d), v8f); }
};

template <bool S32, bool Cov, int G>
void tileF32(const Job& j, size_t c0, size_t k0, size_t k1, size_t p0, size_t vectors) {
  typedef F32Lanes<S32> L;
  typedef typename L::V V;
  float* acc = static_cast<float*>(j.acc);
  float* cov = static_cast<float*>(j.cov);
  const float* m = static_cast<const float*>(j.m);
  const V a = (float)j.alpha - (V){}, b = (float)j.beta - (V){};
  for (size_t v = 0; v < vectors; v++) {
    const size_t p = p0 + v * L::N;
    V sum[G];
    for (int g = 0; g < G; g++) __builtin_memcpy(&sum[g], acc + (c0 + g) * j.P + p, sizeof(V));
    V cv = {};
    if (Cov) __builtin_memcpy(&cv, cov + p, sizeof(V));
    const float* mk = m + k0 * j.P + p;
    const double* sk = j.s + k0 * j.C + c0;
    for (size_t k = k0; k < k1; k++, mk += j.P, sk += j.C) {
      V mv;
      __builtin_memcpy(&mv, mk, sizeof(V));
      const V w = a + b * mv;
      if (Cov) cv = cv + w;
      for (int g = 0; g < G; g++) sum[g] = sum[g] + L::mul(sk[g], w);
    }
    for (int g = 0; g < G; g++) __builtin_memcpy(acc + (c0 + g) * j.P + p, &sum[g], sizeof(V));
    if (Cov) __builtin_memcpy(cov + p, &cv, sizeof(V));
  }
}

void tailF32(const Job& j, size_t k0, size_t k1, size_t p0, size_t p1) {
  float* acc = static_cast<float*>(j.acc);
  float* cov = static_cast<float*>(j.cov);
  const float* m = static_cast<const float*>(j.m);
  const float a = (float)j.alpha, b = (float)j.beta;
  for (size_t p = p0; p < p1; p++) {
    for (size_t k = k0; k < k1; k++) {
      const float w = a + b * m[k * j.P + p];
      cov[p] = cov[p] + w;
      const double* sk = j.s + k * j.C;
      for (size_t c = 0; c < j.C; c++) acc[c * j.P + p] = acc[c * j.P + p] + (float)(sk[c] * (double)w);
    }
  }
}

template <bool S32, bool Cov>
void groupF32(int G, const Job& j, size_t c0, size_t k0, size_t k1, size_t p0, size_t vectors) {
  switch (G) {
#define SALKIT_G(g)                                          \
  case g:                                                    \
    tileF32<S32, Cov, g>(j, c0, k0, k1, p0, vectors); \
    break;
    SALKIT_G(0) SALKIT_G(1) SALKIT_G(2) SALKIT_G(3) SALKIT_G(4) SALKIT_G(5) SALKIT_G(6)
    SALKIT_G(7) SALKIT_G(8) SALKIT_G(9) SALKIT_G(10) SALKIT_G(11) SALKIT_G(12)
#undef SALKIT_G
  }
}

template <bool S32>
void workF32(Job* j) {
  constexpr size_t N = F32Lanes<S32>::N;
  for (;;) {
    const size_t blk = j->next.fetch_add(1);
    if (blk >= j->blocks) return;
    const size_t p0 = blk * BLOCK, p1 = std::min(j->P, p0 + BLOCK);
    const size_t vectors = (p1 - p0) / N, pv = p0 + vectors * N;
    const size_t chunk = chunkFor(j->C);
    for (size_t k0 = 0; k0 < j->n; k0 += chunk) {
      const size_t k1 = std::min(j->n, k0 + chunk);
      groupF32<S32, true>((int)std::min<size_t>(G_MAX, j->C), *j, 0, k0, k1, p0, vectors);
      for (size_t c0 = G_MAX; c0 < j->C; c0 += G_MAX)
        groupF32<S32, false>((int)std::min<size_t>(G_MAX, j->C - c0), *j, c0, k0, k1, p0, vectors);
      tailF32(*j, k0, k1, pv, p1);
    }
  }
}

/** True when every scalar is a float32 value. */
bool float32Valued(const double* s, size_t count) {
  for (size_t i = 0; i < count; i++)
    if ((double)(float)s[i] != s[i] && s[i] == s[i]) return false;
  return true;
}

template <typename M>
void (*pickF64(bool round))(Job*) {
  return round ? workF64<M, true> : workF64<M, false>;
}

napi_value fail(napi_env env, const char* message) {
  napi_throw_type_error(env, nullptr, message);
  return nullptr;
}

struct View {
  napi_typedarray_type type;
  size_t length;
  void* data;
};

bool viewOf(napi_env env, napi_value v, View* out) {
  bool is = false;
  if (napi_is_typedarray(env, v, &is) != napi_ok || !is) return false;
  napi_value buffer;
  size_t offset;
  return napi_get_typedarray_info(env, v, &out->type, &out->length, &out->data, &buffer, &offset) == napi_ok;
}

bool indexOf(napi_env env, napi_value v, size_t* out) {
  double d;
  if (napi_get_value_double(env, v, &d) != napi_ok || !(d >= 0) || d > 9007199254740991.0 || d != (double)(int64_t)d)
    return false;
  *out = (size_t)d;
  return true;
}

// add(acc, cov, scalars, scalarOffset, masks, maskOffset, n, channels, pixels, alpha, beta, round, float32, threads,
//     overlap?): `overlap`, a JS function, runs on this thread while the helpers start on the blocks;
// an exception it throws propagates once every block is done.
// The TS wrapper validates with messages for users; these checks keep memory safe whatever calls.
napi_value Add(napi_env env, napi_callback_info info) {
  size_t argc = 15;
  napi_value argv[15];
  if (napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr) != napi_ok || argc < 14 || argc > 15)
    return fail(env, "regionAdd: expected 14 or 15 arguments");
  napi_value overlap = nullptr;
  if (argc == 15) {
    napi_valuetype t;
    if (napi_typeof(env, argv[14], &t) != napi_ok || (t != napi_function && t != napi_undefined))
      return fail(env, "regionAdd: overlap must be a function or undefined");
    if (t == napi_function) overlap = argv[14];
  }
  View acc, cov, s, m;
  size_t sOff, mOff, n, C, P, threads;
  double alpha, beta;
  bool round, f32;
  if (!viewOf(env, argv[0], &acc) || !viewOf(env, argv[1], &cov) || !viewOf(env, argv[2], &s) ||
      !viewOf(env, argv[4], &m))
    return fail(env, "regionAdd: acc, cov, scalars and masks must be typed arrays");
  if (!indexOf(env, argv[3], &sOff) || !indexOf(env, argv[5], &mOff) || !indexOf(env, argv[6], &n) ||
      !indexOf(env, argv[7], &C) || !indexOf(env, argv[8], &P) || !indexOf(env, argv[13], &threads))
    return fail(env, "regionAdd: offsets, n, channels, pixels and threads must be non-negative integers");
  if (napi_get_value_double(env, argv[9], &alpha) != napi_ok || napi_get_value_double(env, argv[10], &beta) != napi_ok ||
      napi_get_value_bool(env, argv[11], &round) != napi_ok || napi_get_value_bool(env, argv[12], &f32) != napi_ok)
    return fail(env, "regionAdd: alpha and beta must be numbers, round and float32 booleans");
  const napi_typedarray_type sumType = f32 ? napi_float32_array : napi_float64_array;
  if (acc.type != sumType || cov.type != sumType || s.type != napi_float64_array)
    return fail(env, "regionAdd: acc and cov must be Float64Array (Float32Array with float32), scalars Float64Array");
  if (acc.length != C * P || cov.length != P || sOff > s.length || n * C > s.length - sOff || mOff > m.length ||
      n * P > m.length - mOff)
    return fail(env, "regionAdd: an array is shorter than channels, pixels and n need");
  napi_value global;
  if (napi_get_global(env, &global) != napi_ok) return fail(env, "regionAdd: no global object");
  if (P == 0 || n == 0) {
    if (overlap != nullptr) napi_call_function(env, global, overlap, 0, nullptr, nullptr);
    return nullptr;
  }
  void (*work)(Job*) = nullptr;
  size_t bytes = 0;
  if (f32) {
    if (m.type != napi_float32_array) return fail(env, "regionAdd: float32 arithmetic needs float32 masks");
    work = float32Valued(static_cast<const double*>(s.data) + sOff, n * C) ? workF32<true> : workF32<false>;
    bytes = 4;
  } else {
    switch (m.type) {
      case napi_uint8_array: work = pickF64<uint8_t>(round), bytes = 1; break;
      case napi_int8_array: work = pickF64<int8_t>(round), bytes = 1; break;
      case napi_uint16_array: work = pickF64<uint16_t>(round), bytes = 2; break;
      case napi_int16_array: work = pickF64<int16_t>(round), bytes = 2; break;
      case napi_uint32_array: work = pickF64<uint32_t>(round), bytes = 4; break;
      case napi_int32_array: work = pickF64<int32_t>(round), bytes = 4; break;
      case napi_float32_array: work = pickF64<float>(round), bytes = 4; break;
      case napi_float64_array: work = pickF64<double>(round), bytes = 8; break;
      default: return fail(env, "regionAdd: masks must be a Uint8, Int8, Uint16, Int16, Uint32, Int32, Float32 or Float64 array");
    }
  }
  Job job;
  job.acc = acc.data;
  job.cov = cov.data;
  job.s = static_cast<const double*>(s.data) + sOff;
  job.m = static_cast<const char*>(m.data) + mOff * bytes;
  job.n = n;
  job.C = C;
  job.P = P;
  job.alpha = alpha;
  job.beta = beta;
  job.blocks = (P + BLOCK - 1) / BLOCK;
  const size_t helpers = std::min(std::max<size_t>(threads, 1), job.blocks) - 1;
  std::vector<std::thread> pool;
  try {
    for (size_t i = 0; i < helpers; i++) pool.emplace_back(work, &job);
  } catch (...) {
    // no thread to be had: this thread does every block
  }
  // the overlap's exception, if any, stays pending until this returns
  if (overlap != nullptr) napi_call_function(env, global, overlap, 0, nullptr, nullptr);
  work(&job);
  for (auto& t : pool) t.join();
  return nullptr;
}

}  // namespace

NAPI_MODULE_INIT() {
  napi_value fn;
  if (napi_create_function(env, "add", NAPI_AUTO_LENGTH, Add, nullptr, &fn) != napi_ok) return nullptr;
  if (napi_set_named_property(env, exports, "add", fn) != napi_ok) return nullptr;
  return exports;
}
