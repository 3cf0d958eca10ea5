// PostgreSQL's own quicksort (port/qsort.c, built from lib/sort_template.h), which replaces the
// C library's qsort everywhere in the server. It is not stable, so where elements that compare
// equal can still be told apart (tsquery operands differing only in weight or prefix flag),
// PostgreSQL's output is only reproduced by sorting the same way: insertion sort below seven
// elements, an early return when already in order, a pivot chosen as a median of three (of
// three such medians above forty elements), three-way partitioning with the pivot's equals
// gathered at both ends and swapped to the middle, recursion on the smaller side.
#pragma once
#include <algorithm>
#include <cstddef>
#include <utility>

namespace tusk {

// Sorts a[0..n) with cmp(x, y) returning <0, 0 or >0.
template <typename T, typename Cmp>
void PgQuickSort(T* a, ptrdiff_t n, const Cmp& cmp) {
  using std::swap;
  auto swap_range = [](T* x, T* y, ptrdiff_t count) {
    for (ptrdiff_t i = 0; i < count; i++) swap(x[i], y[i]);
  };
  for (;;) {
    if (n < 7) {
      for (ptrdiff_t m = 1; m < n; m++)
        for (ptrdiff_t l = m; l > 0 && cmp(a[l - 1], a[l]) > 0; l--) swap(a[l], a[l - 1]);
      return;
    }
    bool in_order = true;
    for (ptrdiff_t m = 1; m < n && in_order; m++) in_order = cmp(a[m - 1], a[m]) <= 0;
    if (in_order) return;
    auto median = [&](ptrdiff_t x, ptrdiff_t y, ptrdiff_t z) {
      if (cmp(a[x], a[y]) < 0) return cmp(a[y], a[z]) < 0 ? y : (cmp(a[x], a[z]) < 0 ? z : x);
      return cmp(a[y], a[z]) > 0 ? y : (cmp(a[x], a[z]) < 0 ? x : z);
    };
    ptrdiff_t mid = n / 2;
    if (n > 7) {
      ptrdiff_t lo = 0, hi = n - 1;
      if (n > 40) {
        ptrdiff_t d = n / 8;
        lo = median(lo, lo + d, lo + 2 * d);
        mid = median(mid - d, mid, mid + d);
        hi = median(hi - 2 * d, hi - d, hi);
      }
      mid = median(lo, mid, hi);
    }
    swap(a[0], a[mid]);  // the pivot waits at a[0] while the rest is partitioned
    ptrdiff_t eq_lo = 1, lo = 1, hi = n - 1, eq_hi = n - 1;
    for (;;) {
      int r;
      while (lo <= hi && (r = cmp(a[lo], a[0])) <= 0) {
        if (r == 0) swap(a[eq_lo++], a[lo]);
        lo++;
      }
      while (lo <= hi && (r = cmp(a[hi], a[0])) >= 0) {
        if (r == 0) swap(a[hi], a[eq_hi--]);
        hi--;
      }
      if (lo > hi) break;
      swap(a[lo++], a[hi--]);
    }
    ptrdiff_t k = std::min(eq_lo, lo - eq_lo);
    swap_range(a, a + lo - k, k);
    k = std::min(eq_hi - hi, n - eq_hi - 1);
    swap_range(a + lo, a + n - k, k);
    ptrdiff_t left = lo - eq_lo, right = eq_hi - hi;
    if (left <= right) {
      if (left > 1) PgQuickSort(a, left, cmp);
      if (right <= 1) return;
      a += n - right;
      n = right;
    } else {
      if (right > 1) PgQuickSort(a + n - right, right, cmp);
      if (left <= 1) return;
      n = left;
    }
  }
}

}  // namespace tusk
