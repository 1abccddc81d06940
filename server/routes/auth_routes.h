// Sign-in and sign-out, standing in for civil ID + Kuwait Mobile ID approval:
//
//   POST   /api/v1/session         {"civil_id","password"}
//          200 {"next":"verify"} + a password-stage session cookie (valid password_stage_lifetime)
//          401 session.invalid_credentials: the same answer, in about the same time, whether the civil
//              ID has no account or the password is wrong, so accounts cannot be found by trying
//          422 validation_failed (civil ID not well formed, password empty), 429 session.throttled
//   POST   /api/v1/session/verify  {"code":"123456"} (Arabic-Indic digits accepted) with that cookie
//          200 {"csrf_token","account":{"civil_id","role","center_id"}} + a NEW signed-in cookie;
//              the password-stage token dies (no session fixation)
//          401 session.invalid_code (wrong, or already used), session.required, session.expired;
//          422 validation_failed (not 6 digits), 429 session.throttled
//   GET    /api/v1/session         200 the same as verify's answer (a reloaded page), or 401
//   DELETE /api/v1/session         X-CSRF-Token required: 200 {"signed_out":true}, the cookie expired
//
// Every step, failure, refusal and sign-out is audited (audit.h), with the account's civil ID as
// actor, or the remote address when the civil ID has no account. Never audited or logged: the
// password, the code, the cookie's token, the CSRF token.
#pragma once
#include <vector>

#include "server/http/api_route.h"
#include "server/services.h"

namespace muamala::server {

std::vector<Route> auth_routes(Services& services);  // `services` must outlive the routes

}  // namespace muamala::server
