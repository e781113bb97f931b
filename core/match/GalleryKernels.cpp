#include "match/GalleryKernels.h"

#include <cmath>
#include <cstring>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define FE_MATCH_X86 1
#endif

namespace fe::match::kernels {
namespace {

void dotInt8Portable(const std::int8_t* rows, const std::int8_t* query, std::int32_t* out, std::size_t count,
                     std::size_t dim)
{
    for (std::size_t i = 0; i < count; ++i) {
        const std::int8_t* r = rows + i * dim;
        std::int32_t sum = 0;
        for (std::size_t j = 0; j < dim; ++j)
            sum += static_cast<std::int32_t>(r[j]) * static_cast<std::int32_t>(query[j]);
        out[i] = sum;
    }
}

float dotHalfPortable(const std::uint16_t* row, const float* query, std::size_t dim)
{
    float sum = 0.f;
    for (std::size_t j = 0; j < dim; ++j)
        sum += halfToFloat(row[j]) * query[j];
    return sum;
}

#if FE_MATCH_X86
__attribute__((target("avx2"))) void dotInt8Avx2(const std::int8_t* rows, const std::int8_t* query, std::int32_t* out,
                                                 std::size_t count, std::size_t dim)
{
    // dim is a multiple of 32 (checked by the caller): sign-extend 16 bytes to 16 int16, then
    // multiply-add pairs into 8 int32 lanes. The query is widened once.
    const std::size_t blocks = dim / 16;
    alignas(32) std::int16_t wide[4096];
    for (std::size_t j = 0; j < dim; ++j)
        wide[j] = query[j];
    for (std::size_t i = 0; i < count; ++i) {
        const std::int8_t* r = rows + i * dim;
        __m256i acc0 = _mm256_setzero_si256();
        __m256i acc1 = _mm256_setzero_si256();
        for (std::size_t b = 0; b < blocks; b += 2) {
            const __m256i r0 = _mm256_cvtepi8_epi16(_mm_loadu_si128(reinterpret_cast<const __m128i*>(r + b * 16)));
            const __m256i r1 = _mm256_cvtepi8_epi16(_mm_loadu_si128(reinterpret_cast<const __m128i*>(r + b * 16 + 16)));
            const __m256i q0 = _mm256_load_si256(reinterpret_cast<const __m256i*>(wide + b * 16));
            const __m256i q1 = _mm256_load_si256(reinterpret_cast<const __m256i*>(wide + b * 16 + 16));
            acc0 = _mm256_add_epi32(acc0, _mm256_madd_epi16(r0, q0));
            acc1 = _mm256_add_epi32(acc1, _mm256_madd_epi16(r1, q1));
        }
        const __m256i acc = _mm256_add_epi32(acc0, acc1);
        const __m128i s = _mm_add_epi32(_mm256_castsi256_si128(acc), _mm256_extracti128_si256(acc, 1));
        const __m128i s2 = _mm_add_epi32(s, _mm_shuffle_epi32(s, 0x4E));
        const __m128i s3 = _mm_add_epi32(s2, _mm_shuffle_epi32(s2, 0xB1));
        out[i] = _mm_cvtsi128_si32(s3);
    }
}

__attribute__((target("avx2,f16c,fma"))) float dotHalfAvx2(const std::uint16_t* row, const float* query, std::size_t dim)
{
    __m256 acc0 = _mm256_setzero_ps();
    __m256 acc1 = _mm256_setzero_ps();
    for (std::size_t j = 0; j < dim; j += 16) {
        const __m256 r0 = _mm256_cvtph_ps(_mm_loadu_si128(reinterpret_cast<const __m128i*>(row + j)));
        const __m256 r1 = _mm256_cvtph_ps(_mm_loadu_si128(reinterpret_cast<const __m128i*>(row + j + 8)));
        acc0 = _mm256_fmadd_ps(r0, _mm256_loadu_ps(query + j), acc0);
        acc1 = _mm256_fmadd_ps(r1, _mm256_loadu_ps(query + j + 8), acc1);
    }
    const __m256 acc = _mm256_add_ps(acc0, acc1);
    __m128 s = _mm_add_ps(_mm256_castps256_ps128(acc), _mm256_extractf128_ps(acc, 1));
    s = _mm_add_ps(s, _mm_movehl_ps(s, s));
    s = _mm_add_ss(s, _mm_shuffle_ps(s, s, 0x55));
    return _mm_cvtss_f32(s);
}

__attribute__((target("avx2,f16c"))) void floatsToHalfsF16c(const float* in, std::uint16_t* out, std::size_t n)
{
    std::size_t j = 0;
    for (; j + 8 <= n; j += 8) {
        const __m128i h = _mm256_cvtps_ph(_mm256_loadu_ps(in + j), _MM_FROUND_TO_NEAREST_INT);
        _mm_storeu_si128(reinterpret_cast<__m128i*>(out + j), h);
    }
    for (; j < n; ++j)
        out[j] = floatToHalf(in[j]);
}

bool haveAvx2()
{
    static const bool have = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("f16c") &&
                             __builtin_cpu_supports("fma");
    return have;
}
#endif

} // namespace

void dotInt8(const std::int8_t* rows, const std::int8_t* query, std::int32_t* out, std::size_t count, std::size_t dim)
{
#if FE_MATCH_X86
    if (haveAvx2() && dim % 32 == 0 && dim <= 4096) {
        dotInt8Avx2(rows, query, out, count, dim);
        return;
    }
#endif
    dotInt8Portable(rows, query, out, count, dim);
}

float dotHalf(const std::uint16_t* row, const float* query, std::size_t dim)
{
#if FE_MATCH_X86
    if (haveAvx2() && dim % 16 == 0)
        return dotHalfAvx2(row, query, dim);
#endif
    return dotHalfPortable(row, query, dim);
}

void floatsToHalfs(const float* in, std::uint16_t* out, std::size_t n)
{
#if FE_MATCH_X86
    if (haveAvx2()) {
        floatsToHalfsF16c(in, out, n);
        return;
    }
#endif
    for (std::size_t j = 0; j < n; ++j)
        out[j] = floatToHalf(in[j]);
}

float dotFloat(const float* a, const float* b, std::size_t dim)
{
    float sum = 0.f;
    for (std::size_t j = 0; j < dim; ++j)
        sum += a[j] * b[j];
    return sum;
}

const char* kernelName()
{
#if FE_MATCH_X86
    if (haveAvx2())
        return "avx2";
#endif
    return "portable";
}

// IEEE 754 binary16 conversions (round to nearest even), for the portable path and storage.
std::uint16_t floatToHalf(float value)
{
    std::uint32_t f;
    std::memcpy(&f, &value, sizeof f);
    const std::uint32_t sign = (f >> 16) & 0x8000u;
    const std::int32_t exponent = static_cast<std::int32_t>((f >> 23) & 0xFF) - 127 + 15;
    std::uint32_t mantissa = f & 0x7FFFFFu;
    if (((f >> 23) & 0xFF) == 0xFF) // inf or NaN
        return static_cast<std::uint16_t>(sign | 0x7C00u | (mantissa ? 0x200u : 0u));
    if (exponent >= 31)
        return static_cast<std::uint16_t>(sign | 0x7C00u);
    if (exponent <= 0) {
        if (exponent < -10)
            return static_cast<std::uint16_t>(sign);
        mantissa |= 0x800000u;
        const int shift = 14 - exponent;
        std::uint32_t half = mantissa >> shift;
        const std::uint32_t rest = mantissa & ((1u << shift) - 1);
        const std::uint32_t halfway = 1u << (shift - 1);
        if (rest > halfway || (rest == halfway && (half & 1u)))
            ++half;
        return static_cast<std::uint16_t>(sign | half);
    }
    std::uint32_t half = sign | (static_cast<std::uint32_t>(exponent) << 10) | (mantissa >> 13);
    const std::uint32_t rest = mantissa & 0x1FFFu;
    if (rest > 0x1000u || (rest == 0x1000u && (half & 1u)))
        ++half; // may carry into the exponent, which is the correct rounding
    return static_cast<std::uint16_t>(half);
}

float halfToFloat(std::uint16_t h)
{
    const std::uint32_t sign = (h & 0x8000u) << 16;
    std::uint32_t exponent = (h >> 10) & 0x1Fu;
    std::uint32_t mantissa = h & 0x3FFu;
    std::uint32_t f;
    if (exponent == 0) {
        if (mantissa == 0) {
            f = sign;
        } else {
            exponent = 127 - 15 + 1;
            while ((mantissa & 0x400u) == 0) {
                mantissa <<= 1;
                --exponent;
            }
            f = sign | (exponent << 23) | ((mantissa & 0x3FFu) << 13);
        }
    } else if (exponent == 31) {
        f = sign | 0x7F800000u | (mantissa << 13);
    } else {
        f = sign | ((exponent - 15 + 127) << 23) | (mantissa << 13);
    }
    float out;
    std::memcpy(&out, &f, sizeof out);
    return out;
}

} // namespace fe::match::kernels
