#include "common/store/database_folder.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <functional>
#include <iterator>
#include <sstream>
#include <thread>

#include "common/base/errors.hpp"

namespace newsdex::database_folder {
namespace fs = std::filesystem;

namespace {

constexpr std::string_view version_prefix = "version-";
constexpr std::string_view stub_temp_name = "XAPIANDB.tmp";
constexpr std::string_view marker_text =
    "This folder holds a newsdex database, made by newsdex-index. newsdex-index creates and deletes\n"
    "files here (XAPIANDB, version-N): keep nothing else in this folder.\n";
// How long a writer waits for readers to finish opening before it leaves a retired version to a
// later run. Opening takes milliseconds.
constexpr auto readers_grace = std::chrono::seconds(3);

std::string reason(int error_number) { return std::strerror(error_number); }

[[noreturn]] void fail(const std::string& what, const fs::path& path, int error_number) {
  throw DatabaseError(ExitCode::io_error, what + " " + path.string() + ": " + reason(error_number));
}

// The files a glass database keeps in its folder (Xapian writes the version file through v.tmp).
bool is_glass_file(const std::string& name) {
  return name == "iamglass" || name == "flintlock" || name == "v.tmp" || name.ends_with(".glass");
}

bool is_ours(const std::string& name) {
  return name == marker_name || name == stub_name || name == stub_temp_name || version_number(name) > 0;
}

// A stub that exists but cannot be read is an I/O error with its reason, never "not ours".
std::string read_small_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) fail("cannot read", path, errno);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void sync_path(const fs::path& path, int flags) {
  int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) fail("cannot open", path, errno);
  int result = ::fsync(fd);
  int error_number = errno;
  ::close(fd);
  if (result != 0) fail("cannot sync", path, error_number);
}

void remove_everything(const fs::path& path) {
  std::error_code error;
  fs::remove_all(path, error);
  if (error) throw DatabaseError(ExitCode::io_error, "cannot remove " + path.string() + ": " + error.message());
}

bool is_within(const fs::path& inner, const fs::path& outer) {
  auto outer_end = std::mismatch(outer.begin(), outer.end(), inner.begin(), inner.end()).first;
  return outer_end == outer.end() || (std::next(outer_end) == outer.end() && outer_end->empty());
}

fs::path resolved(const std::string& path) {
  std::error_code error;
  auto absolute = fs::absolute(path, error);
  if (error) return fs::path(path).lexically_normal();
  auto canonical = fs::weakly_canonical(absolute, error);
  return (error ? absolute : canonical).lexically_normal();
}

}  // namespace

std::string version_name(unsigned version) { return std::string(version_prefix) + std::to_string(version); }

unsigned version_number(std::string_view name) {
  if (!name.starts_with(version_prefix)) return 0;
  auto digits = name.substr(version_prefix.size());
  if (digits.empty() || digits.size() > 9 || digits.front() == '0') return 0;
  unsigned number = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return 0;
    number = number * 10 + static_cast<unsigned>(c - '0');
  }
  return number;
}

constexpr std::string_view shard_prefix = "shard-";

std::string stub_text(unsigned version, unsigned shards) {
  if (shards <= 1) return "auto " + version_name(version) + "\n";
  std::string text;
  for (unsigned shard = 1; shard <= shards; ++shard)
    text += "auto " + version_name(version) + "/" + std::string(shard_prefix) + std::to_string(shard) + "\n";
  return text;
}

// Only the stubs stub_text writes: anything else is not ours (version 0).
StubContents parse_stub(std::string_view text) {
  constexpr std::string_view prefix = "auto ";
  if (!text.starts_with(prefix) || !text.ends_with('\n')) return {};
  auto first_line = text.substr(prefix.size(), text.find('\n') - prefix.size());
  auto slash = first_line.find('/');
  StubContents seen{version_number(first_line.substr(0, slash)), 1};
  if (seen.version == 0) return {};
  if (slash == std::string_view::npos) return text == stub_text(seen.version) ? seen : StubContents{};
  seen.shards = static_cast<unsigned>(std::count(text.begin(), text.end(), '\n'));
  return seen.shards >= 2 && text == stub_text(seen.version, seen.shards) ? seen : StubContents{};
}

unsigned stub_version(std::string_view text) { return parse_stub(text).version; }

fs::path version_path(const fs::path& db, unsigned version) { return db / version_name(version); }

std::vector<fs::path> shard_paths(const fs::path& db, unsigned version, unsigned shards) {
  if (shards <= 1) return {version_path(db, version)};
  std::vector<fs::path> paths;
  for (unsigned shard = 1; shard <= shards; ++shard)
    paths.push_back(version_path(db, version) / (std::string(shard_prefix) + std::to_string(shard)));
  return paths;
}

Inspection inspect(const fs::path& db) {
  Inspection seen;
  std::error_code error;
  auto status = fs::status(db, error);
  if (!fs::exists(status)) return seen;
  if (!fs::is_directory(status)) {
    seen.layout = Layout::not_a_folder;
    return seen;
  }
  bool marker = false, stub = false, glass = false, anything = false;
  std::vector<std::string> neither_glass_nor_ours;
  for (fs::directory_iterator it(db, error), end; !error && it != end; it.increment(error)) {
    auto name = it->path().filename().string();
    anything = true;
    marker = marker || name == marker_name;
    stub = stub || name == stub_name;
    glass = glass || name == "iamglass";
    if (!is_ours(name) && !is_glass_file(name) && neither_glass_nor_ours.size() < 3)
      neither_glass_nor_ours.push_back(name);
  }
  if (error) fail("cannot list", db, error.value());
  if (marker && stub) {
    auto stub = parse_stub(read_small_file(db / stub_name));
    seen.current = stub.version;
    seen.shards = stub.shards;
    seen.layout = seen.current > 0 ? Layout::versioned : Layout::foreign;
    if (seen.current == 0) seen.strangers = {std::string(stub_name) + " (a stub newsdex did not write)"};
  } else if (glass) {
    seen.layout = neither_glass_nor_ours.empty() ? Layout::legacy : Layout::foreign;
    seen.strangers = std::move(neither_glass_nor_ours);
  } else if (marker) {
    seen.layout = Layout::unfinished;
  } else if (!anything) {
    seen.layout = Layout::empty;
  } else {
    seen.layout = Layout::foreign;
    for (fs::directory_iterator it(db, error), end; !error && it != end && seen.strangers.size() < 3;
         it.increment(error))
      seen.strangers.push_back(it->path().filename().string());
  }
  return seen;
}

void check_apart_from_inputs(const std::string& db, const std::vector<std::string>& inputs) {
  auto db_path = resolved(db);
  for (const auto& input : inputs) {
    auto input_path = resolved(input);
    if (db_path == input_path)
      throw UsageError("--db " + db + " is the folder being indexed (" + input +
                       "): keep the database in a folder of its own, outside the folders to index");
    if (is_within(db_path, input_path))
      throw UsageError("--db " + db + " is inside " + input +
                       ", which is being indexed: keep the database in a folder of its own, outside the folders "
                       "to index");
    if (is_within(input_path, db_path))
      throw UsageError(input + " is inside the database folder " + db +
                       ": give the folders that hold the articles, not the database's");
  }
}

std::optional<FolderLock> FolderLock::take(const fs::path& path, Kind kind, bool wait) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) fail("cannot open", path, errno);
  FolderLock lock(fd);
  int operation = (kind == Kind::shared ? LOCK_SH : LOCK_EX) | (wait ? 0 : LOCK_NB);
  while (::flock(fd, operation) != 0) {
    if (errno == EINTR) continue;
    if (errno == EWOULDBLOCK) return std::nullopt;
    fail("cannot lock", path, errno);
  }
  return lock;
}

FolderLock::FolderLock(FolderLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }

FolderLock& FolderLock::operator=(FolderLock&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = other.fd_;
    other.fd_ = -1;
  }
  return *this;
}

FolderLock::~FolderLock() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the lock
}

std::optional<FolderLock> lock_for_opening(const fs::path& db) {
  std::error_code error;
  if (!fs::is_directory(db, error)) return std::nullopt;
  try {
    return FolderLock::take(db, FolderLock::Kind::shared, true);
  } catch (const DatabaseError&) {
    return std::nullopt;  // an unreadable folder: Xapian's own error says so
  }
}

namespace {

// The first problem `check` finds with the folders of the database at `db` (the folder itself for a
// legacy database, else the current version and each of its shards) or with their glass files.
std::string first_problem(const fs::path& db, const std::function<std::string(const fs::path&)>& check) {
  auto seen = inspect(db);
  std::vector<fs::path> folders{db};
  if (seen.layout == Layout::versioned) {
    folders = {version_path(db, seen.current)};
    if (seen.shards > 1)
      for (auto& shard : shard_paths(db, seen.current, seen.shards)) folders.push_back(std::move(shard));
  }
  std::error_code error;
  for (const auto& folder : folders) {
    if (auto problem = check(folder); !problem.empty()) return problem;
    for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error))
      if (is_glass_file(it->path().filename().string()))
        if (auto problem = check(it->path()); !problem.empty()) return problem;
  }
  return {};
}

}  // namespace

std::string write_problem(const fs::path& db) {
  auto not_writable = [](const fs::path& path) -> std::string {
    if (::access(path.c_str(), W_OK) == 0 || errno == ENOENT) return {};
    return path.string() + ": " + reason(errno);
  };
  std::error_code error;
  if (!fs::exists(db, error)) {
    auto parent = fs::absolute(db, error).parent_path();
    while (!parent.empty() && !fs::exists(parent, error) && parent != parent.parent_path())
      parent = parent.parent_path();
    return not_writable(parent);
  }
  if (auto problem = not_writable(db); !problem.empty()) return problem;
  return first_problem(db, not_writable);
}

std::string read_problem(const fs::path& db) {
  auto not_readable = [](const fs::path& path) -> std::string {
    std::error_code error;
    int mode = fs::is_directory(path, error) ? R_OK | X_OK : R_OK;
    if (::access(path.c_str(), mode) == 0 || errno == ENOENT) return {};
    return path.string() + ": " + reason(errno);
  };
  std::error_code error;
  if (!fs::exists(db, error)) return {};
  if (auto problem = not_readable(db); !problem.empty() || !fs::is_directory(db, error)) return problem;
  try {
    return first_problem(db, not_readable);
  } catch (const DatabaseError& e) {
    return e.what();  // the stub or the folder could not be read: the message says which and why
  }
  return {};
}

std::optional<FolderLock> take_marker(const fs::path& db) {
  std::error_code error;
  fs::create_directories(db, error);
  if (error)
    throw DatabaseError(ExitCode::io_error,
                        "cannot create the database folder " + db.string() + ": " + error.message());
  auto marker = db / marker_name;
  int fd = ::open(marker.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd >= 0) {
    auto written = ::write(fd, marker_text.data(), marker_text.size());
    int error_number = errno;
    ::close(fd);
    if (written != static_cast<ssize_t>(marker_text.size())) fail("cannot write", marker, error_number);
  } else if (errno != EEXIST) {
    fail("cannot create", marker, errno);
  }
  return FolderLock::take(marker, FolderLock::Kind::exclusive, false);
}

void clean_up(const fs::path& db, unsigned current) {
  std::error_code error;
  std::vector<fs::path> leftovers;
  for (fs::directory_iterator it(db, error), end; !error && it != end; it.increment(error)) {
    auto name = it->path().filename().string();
    if (version_number(name) > current || name == stub_temp_name) leftovers.push_back(it->path());
  }
  for (const auto& leftover : leftovers) remove_everything(leftover);
  // A legacy database moved here by a run killed between the switch and the removal of its version
  // file: readers find the stub only once that file is gone (Xapian prefers it).
  if (current > 0 && fs::exists(db / "iamglass", error)) {
    fs::remove(db / "iamglass", error);
    if (error)
      throw DatabaseError(ExitCode::io_error, "cannot remove " + (db / "iamglass").string() + ": " + error.message());
    sync_path(db, O_RDONLY | O_DIRECTORY);
  }
}

void sync_folder(const fs::path& folder) {
  std::error_code error;
  for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
    if (it->is_regular_file(error)) sync_path(it->path(), O_RDONLY);
    if (it->is_directory(error)) sync_folder(it->path());
  }
  if (error) fail("cannot list", folder, error.value());
  sync_path(folder, O_RDONLY | O_DIRECTORY);
}

void switch_to(const fs::path& db, unsigned version, unsigned shards) {
  auto temp = db / stub_temp_name;
  {
    int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) fail("cannot create", temp, errno);
    auto text = stub_text(version, shards);
    bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
    int error_number = errno;
    ::close(fd);
    if (!written) fail("cannot write", temp, error_number);
  }
  if (::rename(temp.c_str(), (db / stub_name).c_str()) != 0) fail("cannot replace", db / stub_name, errno);
  sync_path(db, O_RDONLY | O_DIRECTORY);
  clean_up(db, version);  // a legacy database's version file, which Xapian would still prefer
}

bool remove_retired(const fs::path& db, unsigned current) {
  std::error_code error;
  std::vector<fs::path> retired;
  for (fs::directory_iterator it(db, error), end; !error && it != end; it.increment(error)) {
    auto name = it->path().filename().string();
    auto number = version_number(name);
    if ((number > 0 && number < current) || is_glass_file(name)) retired.push_back(it->path());
  }
  if (retired.empty()) return true;
  // Readers hold a shared lock on the folder while they open: once the exclusive lock is had, every
  // reader that read the old stub has its files open (and unlinked files stay readable to it).
  auto deadline = std::chrono::steady_clock::now() + readers_grace;
  while (!FolderLock::take(db, FolderLock::Kind::exclusive, false)) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  for (const auto& path : retired) remove_everything(path);
  return true;
}

}  // namespace newsdex::database_folder
