// What the routes work with, built once at start and shared by every request. Each member is
// thread-safe (the database hands each thread its own connection).
#pragma once
#include "common/rulebook.h"
#include "server/clock.h"
#include "server/database.h"

namespace muamala::server {

struct Services {
    Database& database;
    const Rulebook& rulebook;  // loaded from the embedded data; checked whole at start
    const Clock& clock;
};

}  // namespace muamala::server
