// Running the real binaries where a folder of mode 000 really is unreadable. Root reads any folder
// (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH), and tests run as root in CI: there the command runs under
// setpriv with those two capabilities dropped from its bounding set (still uid 0, so it can write the
// database the test created).
#pragma once
#include <filesystem>
#include <optional>
#include <string>

namespace newsdex::test {

// A shell prefix for command lines ("" for a normal user) under which a mode-000 folder cannot be
// read, checked on a real folder in `scratch`; nullopt, with the reason in `why_not`, when there is
// no such way here (the test then skips, saying why).
std::optional<std::string> unprivileged_prefix(const std::filesystem::path& scratch, std::string& why_not);

}  // namespace newsdex::test
