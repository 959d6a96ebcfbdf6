// The folder a newsdex database lives in (--db), and the only files newsdex-index writes there:
//
//   DB/newsdex-database   marker: the folder is newsdex's; each writer locks it for its whole run
//   DB/XAPIANDB           a Xapian stub naming the current version ("auto version-3")
//   DB/version-3/         the current version: a glass database
//
// or, for a sharded collection (newsdex-index --shards N, N >= 2; docs/schema.md):
//
//   DB/XAPIANDB           "auto version-3/shard-1" ... "auto version-3/shard-N", one line each
//   DB/version-3/shard-K/ the K-th shard: a glass database
//
// Compaction writes the next version beside the current one and switches the stub by rename, so the
// files a reader has open never change under it. A version the stub no longer names is removed once
// no reader is in the middle of opening it (readers hold a shared lock on DB while they open). A
// database of an earlier newsdex (glass files right in DB, "legacy") is used where it is; its first
// compaction moves it to this layout. The stub of a sharded collection names its shard databases, so
// Xapian (and its tools) open the folder as one database.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex::database_folder {

inline constexpr std::string_view marker_name = "newsdex-database";
inline constexpr std::string_view stub_name = "XAPIANDB";

enum class Layout {
  missing,       // nothing at the path
  not_a_folder,  // a file (perhaps a remote stub: readable, never written)
  empty,         // an empty folder: newsdex-index may take it
  versioned,     // marker and stub: the layout above
  unfinished,    // marker without stub or glass files: a first run killed before its database existed
  legacy,        // glass files directly in the folder (newsdex before the versioned layout)
  foreign,       // anything else: newsdex-index refuses to write there
};

struct Inspection {
  Layout layout = Layout::missing;
  unsigned current = 0;                // versioned: the version the stub names
  unsigned shards = 1;                 // versioned: the shard databases the stub names (1: one database)
  std::vector<std::string> strangers;  // legacy / foreign: a few of the entries that are not ours
};

Inspection inspect(const std::filesystem::path& db);

// "version-3" <-> 3 (0: not a version name).
std::string version_name(unsigned version);
unsigned version_number(std::string_view name);
// The stub's text for one version of `shards` databases (1: the version folder is the database), and
// what a stub written by us names (version 0 when not ours).
struct StubContents {
  unsigned version = 0;
  unsigned shards = 1;
};
std::string stub_text(unsigned version, unsigned shards = 1);
StubContents parse_stub(std::string_view text);
unsigned stub_version(std::string_view text);

// Throws UsageError (exit 2) when the database folder is, or is inside, one of the inputs, or an input
// is inside the database folder: indexing would read the database, and writing it could change the
// collection. Symbolic links are followed; nothing is created.
void check_apart_from_inputs(const std::string& db, const std::vector<std::string>& inputs);

// flock(2) held for the object's lifetime. Errors other than "held by another" throw DatabaseError.
class FolderLock {
 public:
  enum class Kind { shared, exclusive };
  FolderLock() = default;
  // nullopt when another process holds a conflicting lock (only with wait = false).
  static std::optional<FolderLock> take(const std::filesystem::path& path, Kind kind, bool wait);
  FolderLock(FolderLock&& other) noexcept;
  FolderLock& operator=(FolderLock&& other) noexcept;
  ~FolderLock();

 private:
  explicit FolderLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

// Readers hold this while Xapian opens `db` (nothing when `db` is not a folder of ours).
std::optional<FolderLock> lock_for_opening(const std::filesystem::path& db);

// The first reason the database at `db` cannot be written (the folder, the current version or a file
// in it not writable, a read-only file system), as "PATH: reason"; empty when it can.
std::string write_problem(const std::filesystem::path& db);
// The first reason the database at `db` cannot be read (the folder, the stub, the current version or
// one of its files: permissions), as "PATH: reason"; empty when nothing stands in the way or there is
// nothing at `db`.
std::string read_problem(const std::filesystem::path& db);

// --- Writing (the caller holds the marker lock, except for take_marker) ---

std::filesystem::path version_path(const std::filesystem::path& db, unsigned version);
// The databases of a version: the version folder itself for one database, else version-V/shard-K.
std::vector<std::filesystem::path> shard_paths(const std::filesystem::path& db, unsigned version, unsigned shards);
// Creates the folder (and its parents) when missing and the marker when missing, and locks the marker:
// nullopt when another writer holds it.
std::optional<FolderLock> take_marker(const std::filesystem::path& db);
// Removes what a killed run left: versions newer than the stub's, a half-written stub, and the glass
// files of a legacy database whose move to this layout had already switched the stub.
void clean_up(const std::filesystem::path& db, unsigned current);
// Makes `version` (complete, synced) the current one, of `shards` databases: the stub is replaced
// atomically and synced. A legacy database's glass files stop being read here.
void switch_to(const std::filesystem::path& db, unsigned version, unsigned shards = 1);
// Removes the versions older than `current` (and a legacy database's glass files) once no reader is
// opening them; returns false when a reader kept the lock too long (then a later run removes them).
bool remove_retired(const std::filesystem::path& db, unsigned current);
// fsync of every file in `folder`, of its sub-folders' files (shards) and of the folders.
void sync_folder(const std::filesystem::path& folder);

}  // namespace newsdex::database_folder
