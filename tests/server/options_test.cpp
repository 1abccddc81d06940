// The command line of muamala-server.
#include <gtest/gtest.h>

#include <initializer_list>
#include <vector>

#include "server/options.h"

namespace muamala::server {
namespace {

CommandLine parse(std::initializer_list<std::string_view> arguments) {
    const std::vector<std::string_view> list(arguments);
    return parse_command_line(list);
}

TEST(CommandLine, DefaultsToLocalhost8080AndTheDataFolder) {
    const CommandLine command_line = parse({});
    EXPECT_EQ(command_line.action, CommandLine::Action::run);
    EXPECT_EQ(command_line.options.bind_address, "127.0.0.1");
    EXPECT_EQ(command_line.options.port, 8080);
    EXPECT_EQ(command_line.options.database, "data/muamala.db");
}

TEST(CommandLine, TakesValuesAfterTheFlagOrAfterAnEqualsSign) {
    const CommandLine command_line = parse({"--bind", "0.0.0.0", "--port=0", "--db", "/var/lib/muamala/m.db"});
    ASSERT_EQ(command_line.action, CommandLine::Action::run) << command_line.error;
    EXPECT_EQ(command_line.options.bind_address, "0.0.0.0");
    EXPECT_EQ(command_line.options.port, 0);
    EXPECT_EQ(command_line.options.database, "/var/lib/muamala/m.db");
    EXPECT_EQ(parse({"--port", "65535"}).options.port, 65535);
}

TEST(CommandLine, ShowsHelpWhereverItIsAsked) {
    EXPECT_EQ(parse({"--help"}).action, CommandLine::Action::show_help);
    EXPECT_EQ(parse({"--port", "9000", "-h"}).action, CommandLine::Action::show_help);
}

TEST(CommandLine, ExplainsEachUsageError) {
    const struct {
        std::initializer_list<std::string_view> arguments;
        const char* error;
    } cases[] = {
        {{"--frobnicate"}, "unknown option --frobnicate"},
        {{"serve"}, "unknown option serve"},
        {{"--port"}, "--port needs a value"},
        {{"--db="}, "--db needs a value"},
        {{"--port", "http"}, "--port takes a number from 0 to 65535, not http"},
        {{"--port", "65536"}, "--port takes a number from 0 to 65535, not 65536"},
        {{"--port", "-1"}, "--port takes a number from 0 to 65535, not -1"},
        {{"--port", "80x"}, "--port takes a number from 0 to 65535, not 80x"},
    };
    for (const auto& wrong : cases) {
        const CommandLine command_line = parse(wrong.arguments);
        EXPECT_EQ(command_line.action, CommandLine::Action::usage_error) << wrong.error;
        EXPECT_EQ(command_line.error, wrong.error);
    }
}

TEST(CommandLine, UsageNamesEveryFlag) {
    const std::string usage = usage_text();
    for (const char* flag : {"--bind", "--port", "--db", "--help"}) EXPECT_NE(usage.find(flag), std::string::npos) << flag;
}

TEST(CommandLine, TakesTheCounterPolicy) {
    EXPECT_EQ(parse({}).options.counter_policy, CounterPolicy::area);
    EXPECT_EQ(parse({"--counter-policy", "any"}).options.counter_policy, CounterPolicy::any);
    EXPECT_EQ(parse({"--counter-policy=area"}).options.counter_policy, CounterPolicy::area);
    EXPECT_EQ(parse({"--counter-policy", "anyone"}).error, "--counter-policy takes area or any, not anyone");
    EXPECT_EQ(parse({"seed-demo", "--counter-policy", "any"}).action, CommandLine::Action::usage_error);
    EXPECT_NE(usage_text().find("--counter-policy"), std::string::npos);
}

TEST(CommandLine, TakesARulebookFileForServingOnly) {
    EXPECT_TRUE(parse({}).options.rulebook.empty()) << "the built-in rulebook unless told otherwise";
    EXPECT_EQ(parse({"--rulebook", "/etc/muamala/rulebook.json"}).options.rulebook, "/etc/muamala/rulebook.json");
    EXPECT_EQ(parse({"--rulebook="}).error, "--rulebook needs a value");
    EXPECT_EQ(parse({"seed-demo", "--rulebook", "r.json"}).action, CommandLine::Action::usage_error);
    EXPECT_EQ(parse({"verify-audit", "--rulebook", "r.json"}).action, CommandLine::Action::usage_error);
    EXPECT_NE(usage_text().find("--rulebook FILE"), std::string::npos);
}

TEST(CommandLine, TakesTheLengthOfTheDemoHistory) {
    EXPECT_EQ(parse({"seed-demo"}).seed_demo.history_months, 30);
    EXPECT_EQ(parse({"seed-demo", "--history-months", "0"}).seed_demo.history_months, 0);
    EXPECT_EQ(parse({"--history-months", "3"}).error, "--history-months belongs to seed-demo");
    EXPECT_NE(usage_text().find("--history-months"), std::string::npos);
}

TEST(CommandLine, TakesTheOperatorsCommands) {
    const CommandLine import = parse({"import-registry", "--db", "m.db", "--from", "r.jsonl", "--dry-run", "--json"});
    ASSERT_EQ(import.action, CommandLine::Action::import_registry) << import.error;
    EXPECT_EQ(import.options.database, "m.db");
    EXPECT_EQ(import.registry.file, "r.jsonl");
    EXPECT_TRUE(import.registry.dry_run);
    EXPECT_TRUE(import.registry.json);
    EXPECT_EQ(parse({"export-registry", "--db", "m.db", "--to", "-"}).registry.file, "-");
    EXPECT_EQ(parse({"backup", "--db", "m.db", "--to=b.db"}).backup.file, "b.db");
    const CommandLine restore = parse({"restore", "--from", "b.db", "--db", "m.db", "--force"});
    ASSERT_EQ(restore.action, CommandLine::Action::restore) << restore.error;
    EXPECT_EQ(restore.backup.file, "b.db");
    EXPECT_TRUE(restore.backup.force);
    EXPECT_TRUE(parse({"--demo"}).options.demo);
    EXPECT_EQ(parse({"--version"}).action, CommandLine::Action::show_version);

    const struct {
        std::initializer_list<std::string_view> arguments;
        const char* error;
    } cases[] = {
        {{"import-registry", "--from", "r.jsonl"}, "import-registry needs --db FILE"},
        {{"import-registry", "--db", "m.db"}, "import-registry needs --from FILE"},
        {{"backup", "--db", "m.db", "--from", "b.db"}, "backup does not take --from"},
        {{"backup", "--db", "m.db", "--to", "b.db", "--force"}, "backup does not take --force"},
        {{"restore", "--db", "m.db", "--from", "b.db", "--port", "1"}, "restore does not take --port"},
        {{"--dry-run"}, "--dry-run belongs to a command (see --help)"},
        {{"--demo=yes"}, "--demo takes no value"},
        {{"seed-demo", "--demo"}, "seed-demo takes --db and its own options, not --demo"},
        {{"reindex"}, "unknown option reindex"},
    };
    for (const auto& wrong : cases) {
        const CommandLine command_line = parse(wrong.arguments);
        EXPECT_EQ(command_line.action, CommandLine::Action::usage_error) << wrong.error;
        EXPECT_EQ(command_line.error, wrong.error);
    }
    for (const char* named : {"import-registry", "export-registry", "backup", "restore", "--demo", "--version"})
        EXPECT_NE(usage_text().find(named), std::string::npos) << named;
}

TEST(CommandLine, ASeedIsGivenOnlyWhenAsked) {
    EXPECT_FALSE(parse({"seed-demo"}).seed_demo.seed.has_value());
    EXPECT_EQ(parse({"seed-demo", "--seed", "2026"}).seed_demo.seed, 2026u);
}

}  // namespace
}  // namespace muamala::server
