// TOTP (RFC 6238) and base32 (RFC 4648), against the RFCs' own test vectors.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "server/security/crypto.h"
#include "server/security/totp.h"

namespace muamala::server {
namespace {

std::vector<unsigned char> bytes_of(std::string_view text) { return {text.begin(), text.end()}; }

// [SECTION] Base32

TEST(Base32, EncodesTheRfc4648VectorsWithoutPadding) {
    const struct {
        const char* plain;
        const char* encoded;
    } vectors[] = {{"", ""},          {"f", "MY"},          {"fo", "MZXQ"},         {"foo", "MZXW6"},
                   {"foob", "MZXW6YQ"}, {"fooba", "MZXW6YTB"}, {"foobar", "MZXW6YTBOI"}};
    for (const auto& vector : vectors) {
        SCOPED_TRACE(vector.plain);
        EXPECT_EQ(base32_encode(bytes_of(vector.plain)), vector.encoded);
        EXPECT_EQ(base32_decode(vector.encoded), bytes_of(vector.plain));
    }
}

TEST(Base32, ReadsLowerCaseGroupsWithSpacesAndPadding) {
    EXPECT_EQ(base32_decode("mzxw 6ytb oi======"), bytes_of("foobar"));
    EXPECT_EQ(base32_decode("MZXW6==="), bytes_of("foo"));
}

TEST(Base32, RefusesOtherCharactersAndImpossibleLengths) {
    for (const char* wrong : {"MZXW1", "MZXW8", "MZ-XW", "MZXW6YTB\n", "M", "MZX", "MZXW6Y"}) {
        SCOPED_TRACE(wrong);
        EXPECT_EQ(base32_decode(wrong), std::nullopt);
    }
}

TEST(Base32, RoundTripsEveryLengthOfRandomBytes) {
    for (std::size_t length = 0; length <= 41; ++length) {
        const std::vector<unsigned char> bytes = random_bytes(length);
        EXPECT_EQ(base32_decode(base32_encode(bytes)), bytes) << length;
    }
}

TEST(Base32, ANewSecretIsTwentyBytesAndNotRepeated) {
    const std::vector<unsigned char> first = new_totp_secret(), second = new_totp_secret();
    EXPECT_EQ(first.size(), totp_secret_bytes);
    EXPECT_NE(first, second);
    EXPECT_EQ(base32_encode(first).size(), 32u);  // what an authenticator app is given
}

// [SECTION] Codes

// RFC 6238 Appendix B, SHA-1 rows: the secret is the ASCII "12345678901234567890" and the codes
// are 8 digits. A 6-digit code is the same truncated number modulo 10^6: their last 6 digits.
TEST(Totp, GivesTheLastSixDigitsOfTheRfc6238Sha1Vectors) {
    const std::vector<unsigned char> secret = bytes_of("12345678901234567890");
    const struct {
        long long unix_seconds;
        const char* eight_digits;
    } vectors[] = {{59, "94287082"},         {1111111109, "07081804"}, {1111111111, "14050471"},
                   {1234567890, "89005924"}, {2000000000, "69279037"}, {20000000000, "65353130"}};
    for (const auto& vector : vectors) {
        SCOPED_TRACE(vector.unix_seconds);
        EXPECT_EQ(totp_code(secret, vector.unix_seconds), std::string(vector.eight_digits).substr(2));
    }
}

TEST(Totp, OneCodePerThirtySecondStep) {
    const std::vector<unsigned char> secret = new_totp_secret();
    EXPECT_EQ(totp_step(59), 1);
    EXPECT_EQ(totp_step(60), 2);
    EXPECT_EQ(totp_code(secret, 60), totp_code(secret, 89));
    EXPECT_EQ(totp_step(-1), -1) << "the step is the floor, before 1970 too";
}

// [SECTION] The check at sign-in

constexpr long long now = 1'800'000'015;  // 15 s into its step
const long long now_step = now / totp_step_seconds;

TEST(TotpCheck, AcceptsTheCurrentCodeAndOneStepEitherSide) {
    const std::vector<unsigned char> secret = new_totp_secret();
    for (long long offset = -totp_window_steps; offset <= totp_window_steps; ++offset) {
        SCOPED_TRACE(offset);
        const long long step = now_step + offset;
        EXPECT_EQ(accepted_totp_step(secret, totp_code(secret, step * totp_step_seconds), now, 0), step);
    }
}

TEST(TotpCheck, RefusesACodeFromTwoStepsAwayAndAWrongCode) {
    const std::vector<unsigned char> secret = new_totp_secret();
    EXPECT_EQ(accepted_totp_step(secret, totp_code(secret, now - 2 * totp_step_seconds), now, 0), std::nullopt);
    EXPECT_EQ(accepted_totp_step(secret, totp_code(secret, now + 2 * totp_step_seconds), now, 0), std::nullopt);
    const std::string right = totp_code(secret, now);
    const std::string wrong = right == "000000" ? "000001" : "000000";
    EXPECT_EQ(accepted_totp_step(secret, wrong, now, 0), std::nullopt);
    EXPECT_EQ(accepted_totp_step(secret, right.substr(0, 5), now, 0), std::nullopt);
}

TEST(TotpCheck, RefusesACodeOfAStepAlreadyAcceptedOrEarlier) {
    const std::vector<unsigned char> secret = new_totp_secret();
    const std::string code = totp_code(secret, now);
    EXPECT_EQ(accepted_totp_step(secret, code, now, now_step - 1), now_step);
    EXPECT_EQ(accepted_totp_step(secret, code, now, now_step), std::nullopt) << "the same code again";
    EXPECT_EQ(accepted_totp_step(secret, totp_code(secret, now - totp_step_seconds), now, now_step), std::nullopt)
        << "an older code after a newer one";
}

}  // namespace
}  // namespace muamala::server
