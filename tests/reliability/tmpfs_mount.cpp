#include "tests/reliability/tmpfs_mount.hpp"

#include <sys/mount.h>

#include <cerrno>
#include <cstring>

namespace newsdex::test {

TmpfsMount::TmpfsMount(const std::filesystem::path& dir, const std::string& size) : dir_(dir) {
  std::filesystem::create_directories(dir);
  auto options = "size=" + size;
  if (::mount("tmpfs", dir.c_str(), "tmpfs", 0, options.c_str()) == 0)
    mounted_ = true;
  else
    error_ = std::strerror(errno);
}

TmpfsMount::~TmpfsMount() {
  if (mounted_) ::umount2(dir_.c_str(), MNT_DETACH);
}

bool TmpfsMount::make_read_only() {
  return mounted_ && ::mount(nullptr, dir_.c_str(), nullptr, MS_REMOUNT | MS_RDONLY, nullptr) == 0;
}

}  // namespace newsdex::test
