// What the routes work with, built once at start and shared by every request. Each member is
// thread-safe (the database hands each thread its own connection).
#pragma once
#include "common/rulebook.h"
#include "server/clock.h"
#include "server/database.h"
#include "server/login_throttle.h"

namespace muamala::server {

struct Services {
    Database& database;
    const Rulebook& rulebook;  // loaded from the embedded data; checked whole at start
    const Clock& clock;
    LoginThrottle login_throttle{};  // failed sign-ins, counted in memory (a restart forgets them)
    bool secure_cookies = false;     // --secure-cookies: the session cookie is sent over TLS only
};

}  // namespace muamala::server
