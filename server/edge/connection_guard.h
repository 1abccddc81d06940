// What one client may hold of the server: a cap on the connections open from one address, and a
// deadline on each phase of a connection, enforced from outside the worker that serves it.
//
// cpp-httplib gives every connection a worker thread for as long as it is open, and its own
// timeouts are per read: a client sending one byte every few seconds never trips them and holds its
// worker indefinitely (a slow-loris attack). Here a watchdog thread shuts down the socket of any
// connection past its deadline, which wakes the worker out of its read and frees it.
#pragma once
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>

namespace muamala::server {

struct ConnectionLimits {
    std::size_t per_address = 20;                // open connections from one client address
    std::chrono::milliseconds request_read{10'000};     // a whole request head and body, from its first byte
    std::chrono::milliseconds response_write{60'000};   // handling and writing a response (the web client to a slow phone)
    std::chrono::milliseconds keep_alive_idle{5'000};   // between two requests on one connection
};

class ConnectionGuard {
public:
    explicit ConnectionGuard(ConnectionLimits limits);
    ~ConnectionGuard();  // stops the watchdog; every Admission must be gone by then
    ConnectionGuard(const ConnectionGuard&) = delete;
    ConnectionGuard& operator=(const ConnectionGuard&) = delete;

    // One admitted connection, released (its count and deadline dropped) when destroyed.
    class Admission {
    public:
        Admission(Admission&& other) noexcept;
        Admission& operator=(Admission&&) = delete;
        Admission(const Admission&) = delete;
        ~Admission();
        void response_started();    // the request is read: the response deadline runs from now
        void response_finished();   // the connection may idle, then read its next request

    private:
        friend class ConnectionGuard;
        Admission(ConnectionGuard& guard, std::uint64_t id) : guard_(&guard), id_(id) {}
        ConnectionGuard* guard_;
        std::uint64_t id_;
    };

    // Admits the connection on `socket_fd` from `address`, its request read deadline running, or
    // refuses it (nullopt) when `address` already holds limits.per_address connections. A
    // connection with `counted` false (from a trusted proxy, which speaks for many clients) is
    // never refused, only given deadlines. The socket stays the caller's to close.
    std::optional<Admission> admit(int socket_fd, const std::string& address, bool counted);

private:
    struct Entry {
        int socket_copy;  // a dup() of the socket: stays valid (never reused) until the entry goes
        std::string address;
        bool counted;
        std::chrono::steady_clock::time_point deadline;
        bool cut = false;
    };
    void set_deadline(std::uint64_t id, std::chrono::milliseconds from_now);
    void release(std::uint64_t id);
    void watch();

    const ConnectionLimits limits_;
    std::mutex mutex_;  // guards everything below
    std::map<std::uint64_t, Entry> entries_;
    std::unordered_map<std::string, std::size_t> open_by_address_;
    std::uint64_t next_id_ = 1;
    bool stopping_ = false;
    std::condition_variable wake_;
    std::thread watchdog_;
};

}  // namespace muamala::server
