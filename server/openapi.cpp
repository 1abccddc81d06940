#include "server/openapi.h"

namespace muamala::server {
namespace {

// Written as JSON text: it reads like the specification it is. Schemas describe the shapes clients
// rely on; the error body is DESIGN.md's.
constexpr std::string_view kDocument = R"openapi({
  "openapi": "3.0.3",
  "info": {
    "title": "Muamala API",
    "version": "1",
    "description": "At-home residency and licence transactions for the family of a Kuwaiti citizen. Money is integer fils (1 KD = 1000 fils); dates are YYYY-MM-DD in Kuwait time. Every error has the body in components.schemas.Error. State-changing calls need the X-CSRF-Token header from sign-in and an Idempotency-Key header: a retry with the same key returns the first answer. Payments go through a simulated test gateway (no real money) until a KNET provider is configured."
  },
  "servers": [{"url": "/"}],
  "components": {
    "securitySchemes": {
      "session": {"type": "apiKey", "in": "cookie", "name": "muamala_session"},
      "csrf": {"type": "apiKey", "in": "header", "name": "X-CSRF-Token"}
    },
    "parameters": {
      "IdempotencyKey": {"name": "Idempotency-Key", "in": "header", "required": true,
                         "schema": {"type": "string", "pattern": "^[A-Za-z0-9_.:-]{1,100}$"}}
    },
    "schemas": {
      "Text": {"type": "object", "required": ["en", "ar"],
               "properties": {"en": {"type": "string"}, "ar": {"type": "string"}}},
      "Problem": {"type": "object", "required": ["code", "message"],
                  "properties": {"code": {"type": "string"}, "message": {"$ref": "#/components/schemas/Text"},
                                 "field": {"type": "string"}}},
      "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "object",
                "required": ["code", "message", "fields"],
                "properties": {"code": {"type": "string"}, "message": {"$ref": "#/components/schemas/Text"},
                               "fields": {"type": "array", "items": {"type": "object",
                                          "required": ["field", "code", "message"],
                                          "properties": {"field": {"type": "string"}, "code": {"type": "string"},
                                                         "message": {"$ref": "#/components/schemas/Text"}}}}}}}},
      "Decision": {"type": "object", "description": "common/decision.h: eligibility with every failed rule, fees, new expiry",
                   "required": ["kind", "eligible", "reasons", "notes", "fees"],
                   "properties": {"kind": {"type": "string"}, "rulebook": {"type": "string", "nullable": true},
                                  "today": {"type": "string", "format": "date", "nullable": true},
                                  "eligible": {"type": "boolean"},
                                  "reasons": {"type": "array", "items": {"$ref": "#/components/schemas/Problem"}},
                                  "notes": {"type": "array", "items": {"$ref": "#/components/schemas/Problem"}},
                                  "fees": {"type": "object", "properties": {"total_fils": {"type": "integer"},
                                           "lines": {"type": "array", "items": {"type": "object"}}}},
                                  "current_expiry": {"type": "string", "format": "date", "nullable": true},
                                  "new_expiry": {"type": "string", "format": "date", "nullable": true},
                                  "limited_by": {"type": "string", "nullable": true},
                                  "new_record": {"type": "object", "nullable": true}}},
      "Payment": {"type": "object", "required": ["id", "amount_fils", "status", "provider", "test_gateway"],
                  "properties": {"id": {"type": "string"}, "transaction_id": {"type": "string"},
                                 "provider": {"type": "string"}, "test_gateway": {"type": "boolean"},
                                 "label": {"$ref": "#/components/schemas/Text"}, "amount_fils": {"type": "integer"},
                                 "status": {"type": "string", "enum": ["pending", "approved", "declined", "timed_out"]}}},
      "Transaction": {"type": "object", "required": ["id", "kind", "status", "fee_fils", "channel"],
                      "properties": {"id": {"type": "string"}, "kind": {"type": "string"},
                                     "title": {"$ref": "#/components/schemas/Text"},
                                     "beneficiary": {"type": "object"},
                                     "channel": {"type": "string", "enum": ["online", "center"]},
                                     "status": {"type": "string", "enum": ["awaiting_payment", "completed", "failed"]},
                                     "fee_fils": {"type": "integer"},
                                     "old_expiry": {"type": "string", "format": "date", "nullable": true},
                                     "new_expiry": {"type": "string", "format": "date", "nullable": true},
                                     "receipt_number": {"type": "string", "nullable": true},
                                     "payments": {"type": "array", "items": {"$ref": "#/components/schemas/Payment"}},
                                     "decision": {"$ref": "#/components/schemas/Decision"}}},
      "Receipt": {"type": "object", "required": ["number", "kind", "new_expiry", "fee_fils", "issued_at", "channel"],
                  "properties": {"number": {"type": "string"}, "transaction_id": {"type": "string"},
                                 "kind": {"type": "string"}, "title": {"$ref": "#/components/schemas/Text"},
                                 "holder": {"type": "object"},
                                 "old_expiry": {"type": "string", "format": "date", "nullable": true},
                                 "new_expiry": {"type": "string", "format": "date"},
                                 "fee_fils": {"type": "integer"}, "issued_at": {"type": "string", "format": "date-time"},
                                 "channel": {"type": "string"}}},
      "Center": {"type": "object", "description": "A citizen service center. The directory is ILLUSTRATIVE (the real list was not found): illustrative is true",
                 "required": ["id", "name", "governorate", "shift", "serves", "areas", "hours", "slots", "model_center", "illustrative"],
                 "properties": {"id": {"type": "string"}, "name": {"$ref": "#/components/schemas/Text"},
                                "governorate": {"type": "string", "enum": ["capital", "hawalli", "farwaniya", "mubarak_al_kabeer", "ahmadi", "jahra"]},
                                "shift": {"type": "string", "enum": ["morning", "evening"]},
                                "serves": {"type": "string", "enum": ["areas", "governorate"], "description": "a morning center serves its areas, an evening center its whole governorate"},
                                "areas": {"type": "array", "items": {"type": "string"}, "description": "area ids (common/areas.h) it serves"},
                                "hours": {"type": "object", "description": "Kuwait time, illustrative",
                                          "properties": {"days": {"type": "array", "items": {"type": "string", "enum": ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]}},
                                                         "opens": {"type": "string", "example": "07:30"}, "closes": {"type": "string", "example": "14:00"}}},
                                "slots": {"type": "object", "properties": {"minutes": {"type": "integer"}, "capacity": {"type": "integer"}}},
                                "model_center": {"type": "boolean"}, "illustrative": {"type": "boolean"}}}
    },
    "responses": {
      "Error": {"description": "The standard error body", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    }
  },
  "paths": {
    "/api/v1/health": {"get": {"summary": "Liveness and database check", "security": [],
      "responses": {"200": {"description": "Serving"}, "503": {"$ref": "#/components/responses/Error"}}}},
    "/api/v1/openapi.json": {"get": {"summary": "This document", "security": [],
      "responses": {"200": {"description": "OpenAPI 3 document"}}}},
    "/api/v1/validate": {"post": {"summary": "Check a civil ID or phone number with the shared rules", "security": [],
      "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object",
        "required": ["check", "value"], "properties": {"check": {"type": "string", "enum": ["civil_id", "phone"]},
        "value": {"type": "string"}}}}}},
      "responses": {"200": {"description": "Valid, with the normalised value"}, "400": {"$ref": "#/components/responses/Error"},
                    "422": {"$ref": "#/components/responses/Error"}}}},
    "/api/v1/session": {
      "post": {"summary": "Sign in, step 1: civil ID and password", "security": [],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object",
          "required": ["civil_id", "password"], "properties": {"civil_id": {"type": "string"}, "password": {"type": "string"}}}}}},
        "responses": {"200": {"description": "Password accepted; a 6-digit code is due next"},
                      "401": {"$ref": "#/components/responses/Error"}, "429": {"$ref": "#/components/responses/Error"}}},
      "get": {"summary": "Who is signed in, and the CSRF token", "security": [{"session": []}],
        "responses": {"200": {"description": "Signed in"}, "401": {"$ref": "#/components/responses/Error"}}},
      "delete": {"summary": "Sign out", "security": [{"session": [], "csrf": []}],
        "responses": {"200": {"description": "Signed out"}, "401": {"$ref": "#/components/responses/Error"},
                      "403": {"$ref": "#/components/responses/Error"}}}},
    "/api/v1/session/verify": {"post": {"summary": "Sign in, step 2: the 6-digit code (TOTP, RFC 6238)",
      "security": [{"session": []}],
      "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object",
        "required": ["code"], "properties": {"code": {"type": "string"}}}}}},
      "responses": {"200": {"description": "Signed in, with the CSRF token"}, "401": {"$ref": "#/components/responses/Error"},
                    "429": {"$ref": "#/components/responses/Error"}}}},
    "/api/v1/household": {"get": {"summary": "The sponsor's household, documents and the transactions on offer; sponsor.center and sponsor.evening_centers are her service centers",
      "security": [{"session": []}],
      "responses": {"200": {"description": "Household"}, "401": {"$ref": "#/components/responses/Error"}}}},
    "/api/v1/transactions": {
      "get": {"summary": "The sponsor's transactions, newest first", "security": [{"session": []}],
        "responses": {"200": {"description": "List", "content": {"application/json": {"schema": {"type": "object",
          "properties": {"transactions": {"type": "array", "items": {"$ref": "#/components/schemas/Transaction"}}}}}}},
                      "401": {"$ref": "#/components/responses/Error"}}},
      "post": {"summary": "Submit a transaction for a household member", "security": [{"session": [], "csrf": []}],
        "parameters": [{"$ref": "#/components/parameters/IdempotencyKey"}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object",
          "required": ["kind", "beneficiary", "form"], "properties": {"kind": {"type": "string"},
          "beneficiary": {"type": "string"}, "form": {"type": "object"}}}}}},
        "responses": {"201": {"description": "Created: awaiting payment, or completed with its receipt when free"},
                      "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"},
                      "409": {"$ref": "#/components/responses/Error"},
                      "422": {"description": "Not eligible: the error body plus the decision"}}}},
    "/api/v1/transactions/{id}": {"get": {"summary": "One of the sponsor's transactions", "security": [{"session": []}],
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
      "responses": {"200": {"description": "Transaction", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Transaction"}}}},
                    "404": {"$ref": "#/components/responses/Error"}}}},
    "/api/v1/transactions/{id}/payments": {"post": {"summary": "Open a new payment after a declined or timed-out one",
      "security": [{"session": [], "csrf": []}],
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}},
                     {"$ref": "#/components/parameters/IdempotencyKey"}],
      "responses": {"200": {"description": "The payment already open"}, "201": {"description": "A new pending payment"},
                    "404": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}}}},
    "/api/v1/payments/{id}/test-gateway": {"post": {"summary": "SIMULATED gateway: approve, decline or time out a payment",
      "security": [{"session": [], "csrf": []}],
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}},
                     {"$ref": "#/components/parameters/IdempotencyKey"}],
      "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object",
        "required": ["outcome"], "properties": {"outcome": {"type": "string", "enum": ["approve", "decline", "timeout"]}}}}}},
      "responses": {"200": {"description": "Settled; when approved the transaction is completed with its receipt"},
                    "404": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}}}},
    "/api/v1/receipts/{number}": {"get": {"summary": "A receipt of the sponsor's, with its QR code modules",
      "security": [{"session": []}],
      "parameters": [{"name": "number", "in": "path", "required": true, "schema": {"type": "string"}}],
      "responses": {"200": {"description": "Receipt"}, "404": {"$ref": "#/components/responses/Error"}}}},
    "/api/v1/receipts/{number}/verify": {"get": {"summary": "Public check of a receipt's Ed25519 signature",
      "security": [],
      "parameters": [{"name": "number", "in": "path", "required": true, "schema": {"type": "string"}}],
      "responses": {"200": {"description": "What the receipt states, and whether its signature holds"},
                    "404": {"$ref": "#/components/responses/Error"}}}},
    "/api/v1/messages": {"get": {"summary": "SMS messages to the sponsor (delivery simulated)",
      "security": [{"session": []}],
      "responses": {"200": {"description": "Messages"}, "401": {"$ref": "#/components/responses/Error"}}}},
    "/api/v1/centers": {"get": {"summary": "The (illustrative) directory of service centers, filtered", "security": [],
      "parameters": [{"name": "governorate", "in": "query", "schema": {"type": "string"}},
                     {"name": "area", "in": "query", "schema": {"type": "string"}, "description": "centers serving this area: its morning center and its governorate's evening centers"},
                     {"name": "shift", "in": "query", "schema": {"type": "string", "enum": ["morning", "evening"]}}],
      "responses": {"200": {"description": "{illustrative, note, count, centers}", "content": {"application/json": {"schema": {"type": "object",
          "properties": {"illustrative": {"type": "boolean"}, "note": {"$ref": "#/components/schemas/Text"}, "count": {"type": "integer"},
                         "centers": {"type": "array", "items": {"$ref": "#/components/schemas/Center"}}}}}}},
                    "422": {"$ref": "#/components/responses/Error"}}}},
    "/api/v1/centers/{id}": {"get": {"summary": "One service center", "security": [],
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
      "responses": {"200": {"description": "{center, note}"}, "404": {"$ref": "#/components/responses/Error"}}}},
    "/api/v1/admin/centers/{id}": {"put": {"summary": "Admin: change a center's names, hours, slots, model flag and (morning) areas",
      "description": "Send the center as GET gives it, changed. Every area keeps exactly one morning center: areas taken from another center leave it, and an edit that would leave an area unserved or a center with none is refused (422). Audited.",
      "security": [{"session": [], "csrf": []}],
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}},
                     {"$ref": "#/components/parameters/IdempotencyKey"}],
      "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Center"}}}},
      "responses": {"200": {"description": "{center}"}, "403": {"$ref": "#/components/responses/Error"},
                    "404": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}}
  }
})openapi";

}  // namespace

const Json& openapi_document() {
    static const Json document = Json::parse(kDocument);  // parsed once; the text is a constant
    return document;
}

std::string openapi_path(std::string_view route_pattern) {
    std::string path;
    for (std::size_t i = 0; i < route_pattern.size(); ++i) {
        if (route_pattern[i] == ':' && (i == 0 || route_pattern[i - 1] == '/')) {
            const std::size_t end = route_pattern.find('/', i);
            path += '{';
            path.append(route_pattern.substr(i + 1, end - i - 1));
            path += '}';
            i = end == std::string_view::npos ? route_pattern.size() : end - 1;
        } else {
            path += route_pattern[i];
        }
    }
    return path;
}

}  // namespace muamala::server
