// A test fixture with a Store of its own in a fresh temporary directory, removed afterwards.
#pragma once
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>

#include "common/keycodec.hpp"
#include "storage/store.hpp"

namespace tusk {

class StoreTest : public ::testing::Test {
 public:
  // Row n of relation rel: a relation key as the engine makes them.
  static std::string RelationKey(uint32_t rel, uint32_t n) {
    std::string k = RelationPrefix(rel);
    AppendUint32BE(n, &k);
    return k;
  }

 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("tusk_unit_store_" + std::to_string(getpid()) + "_" +
                                                     ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    store_ = Store::Open(dir_.string());
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  std::filesystem::path dir_;
  std::unique_ptr<Store> store_;
};

}  // namespace tusk
