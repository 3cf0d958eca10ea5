#include "storage/row_table.hpp"

#include <cstdlib>
#include <cstring>
#include <functional>
#include <new>

namespace tusk {

RowTable::~RowTable() { Clear(); }

uint64_t RowTable::Hash(std::string_view key) {
  // Never 0, so that a zero hash can mark nothing; the low bits pick the slot.
  return std::hash<std::string_view>()(key) | (uint64_t(1) << 63);
}

void RowTable::Prefetch(uint64_t hash) const {
  if (!slots_.empty()) __builtin_prefetch(&slots_[hash & mask()]);
}

const RowTable::Row* RowTable::Find(std::string_view key, uint64_t hash) const {
  if (slots_.empty()) return nullptr;
  for (size_t i = hash & mask();; i = (i + 1) & mask()) {
    const Slot& s = slots_[i];
    if (!s.row) return nullptr;
    if (s.hash == hash && s.row->key() == key) return s.row;
  }
}

size_t RowTable::Insert(std::string_view key, uint64_t hash, std::string_view row, uint64_t valid_from) {
  if ((size_ + 1) * 2 > slots_.size()) Grow();
  size_t i = hash & mask();
  for (; slots_[i].row; i = (i + 1) & mask())
    if (slots_[i].hash == hash && slots_[i].row->key() == key) return 0;
  void* block = std::malloc(sizeof(Row) + key.size() + row.size());
  if (!block) throw std::bad_alloc();
  Row* r = static_cast<Row*>(block);
  r->valid_from = valid_from;
  r->key_size = static_cast<uint32_t>(key.size());
  r->row_size = static_cast<uint32_t>(row.size());
  memcpy(r->bytes(), key.data(), key.size());
  memcpy(r->bytes() + key.size(), row.data(), row.size());
  slots_[i] = {hash, r};
  size_++;
  return Cost(key.size(), row.size());
}

void RowTable::Grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 64 : old.size() * 2, Slot{});
  for (const Slot& s : old) {
    if (!s.row) continue;
    size_t i = s.hash & mask();
    while (slots_[i].row) i = (i + 1) & mask();
    slots_[i] = s;
  }
}

size_t RowTable::Erase(std::string_view key, uint64_t hash) {
  if (slots_.empty()) return 0;
  for (size_t i = hash & mask();; i = (i + 1) & mask()) {
    const Slot& s = slots_[i];
    if (!s.row) return 0;
    if (s.hash == hash && s.row->key() == key) return EraseAt(i);
  }
}

size_t RowTable::EraseAt(size_t i) {
  Row* r = slots_[i].row;
  const size_t freed = Cost(r->key_size, r->row_size);
  std::free(r);
  size_--;
  // Walk the run after i: a row whose home slot is not in (i, j] cyclically may move to i.
  for (size_t j = (i + 1) & mask(); slots_[j].row; j = (j + 1) & mask()) {
    const size_t home = slots_[j].hash & mask();
    const bool stays = i <= j ? (i < home && home <= j) : (i < home || home <= j);
    if (stays) continue;
    slots_[i] = slots_[j];
    i = j;
  }
  slots_[i] = Slot{};
  return freed;
}

void RowTable::Clear() {
  for (Slot& s : slots_) std::free(s.row);
  slots_.clear();
  slots_.shrink_to_fit();
  size_ = 0;
}

}  // namespace tusk
