// The page a person sees after scanning a receipt's QR code with a phone camera: plain HTML from
// the server, in Arabic and English, with no app to download and no script. It shows what the
// printed receipt shows and whether its signature holds, and nothing more about the household.
// Machines keep the JSON answer at the same address.
#pragma once
#include <string>
#include <string_view>

#include "common/wire.h"

namespace muamala::server {

// True when the Accept header ranks text/html above application/json, as a browser's does
// ("text/html,...,*/*;q=0.8"); fetch() and curl send "*/*", which keeps the JSON.
bool prefers_html(std::string_view accept);

// The page for a stored receipt: `receipt` is its signed payload (receipts.h, to_json), `valid`
// whether the signature over it holds.
std::string receipt_verification_page(const Json& receipt, bool valid);

// The page for a number no receipt has.
std::string unknown_receipt_page();

}  // namespace muamala::server
