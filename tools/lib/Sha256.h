// SHA-256 (FIPS 180-4), for report fingerprints: small and dependency-free.
#pragma once

#include <string>

namespace modsafe {
namespace report {

/// Lower-case hex SHA-256 of Data.
std::string sha256Hex(const std::string &Data);

} // namespace report
} // namespace modsafe
