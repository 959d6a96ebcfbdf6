// A small tmpfs mounted for a test's lifetime: a disk to fill up, or one to make read-only. Mounting
// needs root or CAP_SYS_ADMIN; where it fails, mounted() is false and error() says why, so the test
// can skip with that reason.
#pragma once
#include <filesystem>
#include <string>

namespace newsdex::test {

class TmpfsMount {
 public:
  TmpfsMount(const std::filesystem::path& dir, const std::string& size);
  ~TmpfsMount();
  TmpfsMount(const TmpfsMount&) = delete;
  TmpfsMount& operator=(const TmpfsMount&) = delete;

  bool mounted() const { return mounted_; }
  const std::string& error() const { return error_; }
  bool make_read_only();

 private:
  std::filesystem::path dir_;
  bool mounted_ = false;
  std::string error_;
};

}  // namespace newsdex::test
