#pragma once

#include <QString>

namespace corkboard {

class BodyReader;

//! The account limits of API.md, reported as field errors on the reader.
namespace user_validation {

constexpr int kEmailMax = 254;
constexpr int kPasswordMin = 10;
constexpr int kPasswordMax = 256;
constexpr int kDisplayNameMax = 80;

bool isValidEmail(const QString &email);
void checkEmail(BodyReader &reader, const QString &field, const QString &value);
void checkPassword(BodyReader &reader, const QString &field, const QString &value);
void checkDisplayName(BodyReader &reader, const QString &field, const QString &value);

} // namespace user_validation
} // namespace corkboard
