#pragma once

#include <cstddef>
#include <cstdint>

// Dot-product kernels for the gallery scan, dispatched once at run time to AVX2 (with F16C
// and FMA) where the processor has it, else to portable loops. Internal to core/match.
namespace fe::match::kernels {

// out[i] = sum_j rows[i*dim + j] * query[j], int8 x int8 accumulated in int32.
void dotInt8(const std::int8_t* rows, const std::int8_t* query, std::int32_t* out, std::size_t count, std::size_t dim);

// sum_j half(row[j]) * query[j]: IEEE binary16 row, float query.
float dotHalf(const std::uint16_t* row, const float* query, std::size_t dim);

// Plain float dot product (the naive baseline and the float reference).
float dotFloat(const float* a, const float* b, std::size_t dim);

std::uint16_t floatToHalf(float value);
// Converts n floats to half floats (F16C where available), rounding to nearest even.
void floatsToHalfs(const float* in, std::uint16_t* out, std::size_t n);
float halfToFloat(std::uint16_t half);

// "avx2" or "portable": which kernels this process runs.
const char* kernelName();

} // namespace fe::match::kernels
