;; Kernels on operands copied whole into WebAssembly memory, with no packing (WebAssembly SIMD, 128-bit):
;; products small enough to stay in cache or thin enough that packing would cost more than the product
;; (`direct_gemm`, its B packed here by `pack_runs` or `pack_lanes` where B is large; `dot_f64`, `dot_f32`),
;; contiguous sums (`sum_rows_f64`, `sum_rows_f32`), outer products
;; (`outer_f64`, `outer_f32`) and element-wise products (`multiply_f64`, `multiply_f32`). The caller copies
;; operands in and results out (`TypedArray.prototype.set`, a block copy), in chunks small enough to stay in cache
;; where the operand is large. Addresses and strides are in bytes.
;; Multiply-add is a mul followed by an add, as in gemm.wat.
(module
  (memory (export "memory") 1)
  ;; One 4×4 float64 tile read straight from row-major A and B, no packing: C[0..3][0..] = A(4×k)·B(k×32 bytes),
  ;; C overwritten. Rows of A, B and C are `lda`, `ldb` and `ldc` bytes apart. k ≥ 1.
  (func $direct_tile_f64 (param $a0 i32) (param $lda i32) (param $b i32) (param $ldb i32) (param $c i32) (param $ldc i32)
    (param $k i32)
    (local $a1 i32) (local $a2 i32) (local $a3 i32)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128)
    (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128)
    (local $b0 v128) (local $b1 v128) (local $x v128)
    (local.set $a1 (i32.add (local.get $a0) (local.get $lda)))
    (local.set $a2 (i32.add (local.get $a1) (local.get $lda)))
    (local.set $a3 (i32.add (local.get $a2) (local.get $lda)))
    (loop $depth
      (local.set $b0 (v128.load (local.get $b)))
      (local.set $b1 (v128.load offset=16 (local.get $b)))
      (local.set $x (v128.load64_splat (local.get $a0)))
      (local.set $c00 (f64x2.add (local.get $c00) (f64x2.mul (local.get $x) (local.get $b0))))
      (local.set $c01 (f64x2.add (local.get $c01) (f64x2.mul (local.get $x) (local.get $b1))))
      (local.set $x (v128.load64_splat (local.get $a1)))
      (local.set $c10 (f64x2.add (local.get $c10) (f64x2.mul (local.get $x) (local.get $b0))))
      (local.set $c11 (f64x2.add (local.get $c11) (f64x2.mul (local.get $x) (local.get $b1))))
      (local.set $x (v128.load64_splat (local.get $a2)))
      (local.set $c20 (f64x2.add (local.get $c20) (f64x2.mul (local.get $x) (local.get $b0))))
      (local.set $c21 (f64x2.add (local.get $c21) (f64x2.mul (local.get $x) (local.get $b1))))
      (local.set $x (v128.load64_splat (local.get $a3)))
      (local.set $c30 (f64x2.add (local.get $c30) (f64x2.mul (local.get $x) (local.get $b0))))
      (local.set $c31 (f64x2.add (local.get $c31) (f64x2.mul (local.get $x) (local.get $b1))))
      (local.set $a0 (i32.add (local.get $a0) (i32.const 8)))
      (local.set $a1 (i32.add (local.get $a1) (i32.const 8)))
      (local.set $a2 (i32.add (local.get $a2) (i32.const 8)))
      (local.set $a3 (i32.add (local.get $a3) (i32.const 8)))
      (local.set $b (i32.add (local.get $b) (local.get $ldb)))
      (br_if $depth (local.tee $k (i32.sub (local.get $k) (i32.const 1)))))
    (v128.store (local.get $c) (local.get $c00))
    (v128.store offset=16 (local.get $c) (local.get $c01))
    (local.set $c (i32.add (local.get $c) (local.get $ldc)))
    (v128.store (local.get $c) (local.get $c10))
    (v128.store offset=16 (local.get $c) (local.get $c11))
    (local.set $c (i32.add (local.get $c) (local.get $ldc)))
    (v128.store (local.get $c) (local.get $c20))
    (v128.store offset=16 (local.get $c) (local.get $c21))
    (local.set $c (i32.add (local.get $c) (local.get $ldc)))
    (v128.store (local.get $c) (local.get $c30))
    (v128.store offset=16 (local.get $c) (local.get $c31)))

  ;; One 4×8 float32 tile read straight from row-major A and B, no packing: C[0..3][0..] = A(4×k)·B(k×32 bytes),
  ;; C overwritten. Rows of A, B and C are `lda`, `ldb` and `ldc` bytes apart. k ≥ 1.
  (func $direct_tile_f32 (param $a0 i32) (param $lda i32) (param $b i32) (param $ldb i32) (param $c i32) (param $ldc i32)
    (param $k i32)
    (local $a1 i32) (local $a2 i32) (local $a3 i32)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128)
    (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128)
    (local $b0 v128) (local $b1 v128) (local $x v128)
    (local.set $a1 (i32.add (local.get $a0) (local.get $lda)))
    (local.set $a2 (i32.add (local.get $a1) (local.get $lda)))
    (local.set $a3 (i32.add (local.get $a2) (local.get $lda)))
    (loop $depth
      (local.set $b0 (v128.load (local.get $b)))
      (local.set $b1 (v128.load offset=16 (local.get $b)))
      (local.set $x (v128.load32_splat (local.get $a0)))
      (local.set $c00 (f32x4.add (local.get $c00) (f32x4.mul (local.get $x) (local.get $b0))))
      (local.set $c01 (f32x4.add (local.get $c01) (f32x4.mul (local.get $x) (local.get $b1))))
      (local.set $x (v128.load32_splat (local.get $a1)))
      (local.set $c10 (f32x4.add (local.get $c10) (f32x4.mul (local.get $x) (local.get $b0))))
      (local.set $c11 (f32x4.add (local.get $c11) (f32x4.mul (local.get $x) (local.get $b1))))
      (local.set $x (v128.load32_splat (local.get $a2)))
      (local.set $c20 (f32x4.add (local.get $c20) (f32x4.mul (local.get $x) (local.get $b0))))
      (local.set $c21 (f32x4.add (local.get $c21) (f32x4.mul (local.get $x) (local.get $b1))))
      (local.set $x (v128.load32_splat (local.get $a3)))
      (local.set $c30 (f32x4.add (local.get $c30) (f32x4.mul (local.get $x) (local.get $b0))))
      (local.set $c31 (f32x4.add (local.get $c31) (f32x4.mul (local.get $x) (local.get $b1))))
      (local.set $a0 (i32.add (local.get $a0) (i32.const 4)))
      (local.set $a1 (i32.add (local.get $a1) (i32.const 4)))
      (local.set $a2 (i32.add (local.get $a2) (i32.const 4)))
      (local.set $a3 (i32.add (local.get $a3) (i32.const 4)))
      (local.set $b (i32.add (local.get $b) (local.get $ldb)))
      (br_if $depth (local.tee $k (i32.sub (local.get $k) (i32.const 1)))))
    (v128.store (local.get $c) (local.get $c00))
    (v128.store offset=16 (local.get $c) (local.get $c01))
    (local.set $c (i32.add (local.get $c) (local.get $ldc)))
    (v128.store (local.get $c) (local.get $c10))
    (v128.store offset=16 (local.get $c) (local.get $c11))
    (local.set $c (i32.add (local.get $c) (local.get $ldc)))
    (v128.store (local.get $c) (local.get $c20))
    (v128.store offset=16 (local.get $c) (local.get $c21))
    (local.set $c (i32.add (local.get $c) (local.get $ldc)))
    (v128.store (local.get $c) (local.get $c30))
    (v128.store offset=16 (local.get $c) (local.get $c31)))

  ;; C = A·B straight from row-major A (rows `lda` bytes apart) and B (rows `ldb` bytes apart), no packing, in
  ;; tiles of 4 rows × 32 bytes (8 float32 or 4 float64 columns; `double` ≠ 0 for float64) over `mb` row blocks
  ;; and `nb` column blocks, the columns of block j starting `j·panel` bytes after `b` (32 for a row-major B; the
  ;; panel size for a B packed by `pack_runs` or `pack_lanes`, whose rows are then 32 bytes apart); C (rows `ldc`
  ;; bytes apart) is overwritten, tiles past the edges read and write the padding. Each column block of B meets
  ;; every row block of A before the next one is read, so a packed block stays in L1. k ≥ 1.
  (func (export "direct_gemm") (param $double i32) (param $mb i32) (param $nb i32) (param $k i32) (param $a i32)
    (param $lda i32) (param $b i32) (param $ldb i32) (param $c i32) (param $ldc i32) (param $panel i32)
    (local $i i32) (local $j i32) (local $at i32) (local $bt i32) (local $ct i32)
    (loop $columns
      (local.set $i (i32.const 0))
      (loop $rows
        (local.set $at (i32.add (local.get $a) (i32.mul (i32.shl (local.get $i) (i32.const 2)) (local.get $lda))))
        (local.set $bt (i32.add (local.get $b) (i32.mul (local.get $j) (local.get $panel))))
        (local.set $ct (i32.add (i32.add (local.get $c) (i32.mul (i32.shl (local.get $i) (i32.const 2)) (local.get $ldc)))
          (i32.shl (local.get $j) (i32.const 5))))
        (if (local.get $double)
          (then (call $direct_tile_f64 (local.get $at) (local.get $lda) (local.get $bt) (local.get $ldb) (local.get $ct)
            (local.get $ldc) (local.get $k)))
          (else (call $direct_tile_f32 (local.get $at) (local.get $lda) (local.get $bt) (local.get $ldb) (local.get $ct)
            (local.get $ldc) (local.get $k))))
        (br_if $rows (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $mb))))
      (br_if $columns (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 1))) (local.get $nb)))))

;; Packs B into column blocks of 32 bytes for `direct_gemm`: block j, depth step p is the 32 bytes at
  ;; `src + starts[j] + p·step` (`starts` holds `nb` byte offsets as i32; a run of 8 float32 or 4 float64
  ;; columns that lie next to each other in B), written one after another from `dst`. k, nb ≥ 1.
  (func (export "pack_runs") (param $src i32) (param $starts i32) (param $step i32) (param $k i32) (param $nb i32)
    (param $dst i32)
    (local $j i32) (local $p i32) (local $read i32)
    (loop $blocks
      (local.set $read (i32.add (local.get $src) (i32.load (i32.add (local.get $starts) (i32.shl (local.get $j) (i32.const 2))))))
      (local.set $p (local.get $k))
      (loop $steps
        (v128.store (local.get $dst) (v128.load (local.get $read)))
        (v128.store offset=16 (local.get $dst) (v128.load offset=16 (local.get $read)))
        (local.set $read (i32.add (local.get $read) (local.get $step)))
        (local.set $dst (i32.add (local.get $dst) (i32.const 32)))
        (br_if $steps (local.tee $p (i32.sub (local.get $p) (i32.const 1)))))
      (br_if $blocks (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 1))) (local.get $nb)))))

  ;; Packs B into column blocks of 32 bytes for `direct_gemm`, one column at a time: lane r of block j at depth
  ;; step p is the value (8 bytes if `double` ≠ 0, else 4) at `src + starts[j·w + r] + p·step`, w = 4 or 8
  ;; lanes per block (`starts` holds nb·w byte offsets as i32). For a B whose columns are not side by side (a
  ;; transposed B). k, nb ≥ 1.
  (func (export "pack_lanes") (param $double i32) (param $src i32) (param $starts i32) (param $step i32) (param $k i32)
    (param $nb i32) (param $dst i32)
    (local $lanes i32) (local $lane i32) (local $p i32) (local $read i32) (local $write i32) (local $size i32)
    (local.set $size (select (i32.const 8) (i32.const 4) (local.get $double)))
    (local.set $lanes (i32.mul (local.get $nb) (select (i32.const 4) (i32.const 8) (local.get $double))))
    (loop $columns
      (local.set $read (i32.add (local.get $src) (i32.load (i32.add (local.get $starts) (i32.shl (local.get $lane) (i32.const 2))))))
      ;; lane = j·w + r lands at dst + j·k·32 + r·size
      (local.set $write (i32.add (local.get $dst)
        (i32.add
          (i32.mul (i32.shr_u (i32.mul (local.get $lane) (local.get $size)) (i32.const 5)) (i32.shl (local.get $k) (i32.const 5)))
          (i32.and (i32.mul (local.get $lane) (local.get $size)) (i32.const 31)))))
      (local.set $p (local.get $k))
      (if (local.get $double)
        (then
          (loop $steps64
            (i64.store (local.get $write) (i64.load (local.get $read)))
            (local.set $read (i32.add (local.get $read) (local.get $step)))
            (local.set $write (i32.add (local.get $write) (i32.const 32)))
            (br_if $steps64 (local.tee $p (i32.sub (local.get $p) (i32.const 1))))))
        (else
          (loop $steps32
            (i32.store (local.get $write) (i32.load (local.get $read)))
            (local.set $read (i32.add (local.get $read) (local.get $step)))
            (local.set $write (i32.add (local.get $write) (i32.const 32)))
            (br_if $steps32 (local.tee $p (i32.sub (local.get $p) (i32.const 1)))))))
      (br_if $columns (i32.lt_u (local.tee $lane (i32.add (local.get $lane) (i32.const 1))) (local.get $lanes)))))

  ;; C[i][j] = Σ_p A[i][p]·T[j][p] (f64): A row-major (m×k, rows `lda` bytes apart), T the transpose of B
  ;; (n×k, rows `ldt` bytes apart), C rows `ldc` bytes apart. Four rows of A at a time over `mb` = ⌈m/4⌉ blocks
  ;; (the last block reads and writes the padding rows); the products of thin B (few columns). n, k ≥ 1.
  (func (export "dot_f64") (param $mb i32) (param $n i32) (param $k i32) (param $a i32) (param $lda i32)
    (param $t i32) (param $ldt i32) (param $c i32) (param $ldc i32)
    (local $i i32) (local $j i32) (local $p i32) (local $kv i32) (local $tp i32) (local $w i32)
    (local $a0 i32) (local $a1 i32) (local $a2 i32) (local $a3 i32)
    (local $s0 v128) (local $s1 v128) (local $s2 v128) (local $s3 v128) (local $y v128)
    (local $r0 f64) (local $r1 f64) (local $r2 f64) (local $r3 f64) (local $z f64)
    (local.set $kv (i32.and (local.get $k) (i32.const -2)))
    (loop $rowBlocks
      (local.set $j (i32.const 0))
      (loop $columns
        (local.set $a0 (i32.add (local.get $a) (i32.mul (i32.shl (local.get $i) (i32.const 2)) (local.get $lda))))
        (local.set $a1 (i32.add (local.get $a0) (local.get $lda)))
        (local.set $a2 (i32.add (local.get $a1) (local.get $lda)))
        (local.set $a3 (i32.add (local.get $a2) (local.get $lda)))
        (local.set $tp (i32.add (local.get $t) (i32.mul (local.get $j) (local.get $ldt))))
        (local.set $s0 (v128.const i64x2 0 0))
        (local.set $s1 (v128.const i64x2 0 0))
        (local.set $s2 (v128.const i64x2 0 0))
        (local.set $s3 (v128.const i64x2 0 0))
        (local.set $p (i32.const 0))
        (block $vectorsDone
          (loop $vectors
            (br_if $vectorsDone (i32.ge_u (local.get $p) (local.get $kv)))
            (local.set $y (v128.load (local.get $tp)))
            (local.set $s0 (f64x2.add (local.get $s0) (f64x2.mul (v128.load (local.get $a0)) (local.get $y))))
            (local.set $a0 (i32.add (local.get $a0) (i32.const 16)))
            (local.set $s1 (f64x2.add (local.get $s1) (f64x2.mul (v128.load (local.get $a1)) (local.get $y))))
            (local.set $a1 (i32.add (local.get $a1) (i32.const 16)))
            (local.set $s2 (f64x2.add (local.get $s2) (f64x2.mul (v128.load (local.get $a2)) (local.get $y))))
            (local.set $a2 (i32.add (local.get $a2) (i32.const 16)))
            (local.set $s3 (f64x2.add (local.get $s3) (f64x2.mul (v128.load (local.get $a3)) (local.get $y))))
            (local.set $a3 (i32.add (local.get $a3) (i32.const 16)))
            (local.set $tp (i32.add (local.get $tp) (i32.const 16)))
            (local.set $p (i32.add (local.get $p) (i32.const 2)))
            (br $vectors)))
        (local.set $r0 (f64.add (f64x2.extract_lane 0 (local.get $s0)) (f64x2.extract_lane 1 (local.get $s0))))
        (local.set $r1 (f64.add (f64x2.extract_lane 0 (local.get $s1)) (f64x2.extract_lane 1 (local.get $s1))))
        (local.set $r2 (f64.add (f64x2.extract_lane 0 (local.get $s2)) (f64x2.extract_lane 1 (local.get $s2))))
        (local.set $r3 (f64.add (f64x2.extract_lane 0 (local.get $s3)) (f64x2.extract_lane 1 (local.get $s3))))
        (block $tailDone
          (loop $tail
            (br_if $tailDone (i32.ge_u (local.get $p) (local.get $k)))
            (local.set $z (f64.load (local.get $tp)))
            (local.set $r0 (f64.add (local.get $r0) (f64.mul (f64.load (local.get $a0)) (local.get $z))))
            (local.set $a0 (i32.add (local.get $a0) (i32.const 8)))
            (local.set $r1 (f64.add (local.get $r1) (f64.mul (f64.load (local.get $a1)) (local.get $z))))
            (local.set $a1 (i32.add (local.get $a1) (i32.const 8)))
            (local.set $r2 (f64.add (local.get $r2) (f64.mul (f64.load (local.get $a2)) (local.get $z))))
            (local.set $a2 (i32.add (local.get $a2) (i32.const 8)))
            (local.set $r3 (f64.add (local.get $r3) (f64.mul (f64.load (local.get $a3)) (local.get $z))))
            (local.set $a3 (i32.add (local.get $a3) (i32.const 8)))
            (local.set $tp (i32.add (local.get $tp) (i32.const 8)))
            (local.set $p (i32.add (local.get $p) (i32.const 1)))
            (br $tail)))
        (local.set $w (i32.add (i32.add (local.get $c) (i32.mul (i32.shl (local.get $i) (i32.const 2)) (local.get $ldc)))
          (i32.shl (local.get $j) (i32.const 3))))
        (f64.store (local.get $w) (local.get $r0))
        (local.set $w (i32.add (local.get $w) (local.get $ldc)))
        (f64.store (local.get $w) (local.get $r1))
        (local.set $w (i32.add (local.get $w) (local.get $ldc)))
        (f64.store (local.get $w) (local.get $r2))
        (local.set $w (i32.add (local.get $w) (local.get $ldc)))
        (f64.store (local.get $w) (local.get $r3))
        (br_if $columns (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 1))) (local.get $n))))
      (br_if $rowBlocks (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $mb)))))

  ;; C[i][j] = Σ_p A[i][p]·T[j][p] (f32): A row-major (m×k, rows `lda` bytes apart), T the transpose of B
  ;; (n×k, rows `ldt` bytes apart), C rows `ldc` bytes apart. Four rows of A at a time over `mb` = ⌈m/4⌉ blocks
  ;; (the last block reads and writes the padding rows); the products of thin B (few columns). n, k ≥ 1.
  (func (export "dot_f32") (param $mb i32) (param $n i32) (param $k i32) (param $a i32) (param $lda i32)
    (param $t i32) (param $ldt i32) (param $c i32) (param $ldc i32)
    (local $i i32) (local $j i32) (local $p i32) (local $kv i32) (local $tp i32) (local $w i32)
    (local $a0 i32) (local $a1 i32) (local $a2 i32) (local $a3 i32)
    (local $s0 v128) (local $s1 v128) (local $s2 v128) (local $s3 v128) (local $y v128)
    (local $r0 f32) (local $r1 f32) (local $r2 f32) (local $r3 f32) (local $z f32)
    (local.set $kv (i32.and (local.get $k) (i32.const -4)))
    (loop $rowBlocks
      (local.set $j (i32.const 0))
      (loop $columns
        (local.set $a0 (i32.add (local.get $a) (i32.mul (i32.shl (local.get $i) (i32.const 2)) (local.get $lda))))
        (local.set $a1 (i32.add (local.get $a0) (local.get $lda)))
        (local.set $a2 (i32.add (local.get $a1) (local.get $lda)))
        (local.set $a3 (i32.add (local.get $a2) (local.get $lda)))
        (local.set $tp (i32.add (local.get $t) (i32.mul (local.get $j) (local.get $ldt))))
        (local.set $s0 (v128.const i64x2 0 0))
        (local.set $s1 (v128.const i64x2 0 0))
        (local.set $s2 (v128.const i64x2 0 0))
        (local.set $s3 (v128.const i64x2 0 0))
        (local.set $p (i32.const 0))
        (block $vectorsDone
          (loop $vectors
            (br_if $vectorsDone (i32.ge_u (local.get $p) (local.get $kv)))
            (local.set $y (v128.load (local.get $tp)))
            (local.set $s0 (f32x4.add (local.get $s0) (f32x4.mul (v128.load (local.get $a0)) (local.get $y))))
            (local.set $a0 (i32.add (local.get $a0) (i32.const 16)))
            (local.set $s1 (f32x4.add (local.get $s1) (f32x4.mul (v128.load (local.get $a1)) (local.get $y))))
            (local.set $a1 (i32.add (local.get $a1) (i32.const 16)))
            (local.set $s2 (f32x4.add (local.get $s2) (f32x4.mul (v128.load (local.get $a2)) (local.get $y))))
            (local.set $a2 (i32.add (local.get $a2) (i32.const 16)))
            (local.set $s3 (f32x4.add (local.get $s3) (f32x4.mul (v128.load (local.get $a3)) (local.get $y))))
            (local.set $a3 (i32.add (local.get $a3) (i32.const 16)))
            (local.set $tp (i32.add (local.get $tp) (i32.const 16)))
            (local.set $p (i32.add (local.get $p) (i32.const 4)))
            (br $vectors)))
        (local.set $r0 (f32.add (f32.add (f32x4.extract_lane 0 (local.get $s0)) (f32x4.extract_lane 1 (local.get $s0))) (f32.add (f32x4.extract_lane 2 (local.get $s0)) (f32x4.extract_lane 3 (local.get $s0)))))
        (local.set $r1 (f32.add (f32.add (f32x4.extract_lane 0 (local.get $s1)) (f32x4.extract_lane 1 (local.get $s1))) (f32.add (f32x4.extract_lane 2 (local.get $s1)) (f32x4.extract_lane 3 (local.get $s1)))))
        (local.set $r2 (f32.add (f32.add (f32x4.extract_lane 0 (local.get $s2)) (f32x4.extract_lane 1 (local.get $s2))) (f32.add (f32x4.extract_lane 2 (local.get $s2)) (f32x4.extract_lane 3 (local.get $s2)))))
        (local.set $r3 (f32.add (f32.add (f32x4.extract_lane 0 (local.get $s3)) (f32x4.extract_lane 1 (local.get $s3))) (f32.add (f32x4.extract_lane 2 (local.get $s3)) (f32x4.extract_lane 3 (local.get $s3)))))
        (block $tailDone
          (loop $tail
            (br_if $tailDone (i32.ge_u (local.get $p) (local.get $k)))
            (local.set $z (f32.load (local.get $tp)))
            (local.set $r0 (f32.add (local.get $r0) (f32.mul (f32.load (local.get $a0)) (local.get $z))))
            (local.set $a0 (i32.add (local.get $a0) (i32.const 4)))
            (local.set $r1 (f32.add (local.get $r1) (f32.mul (f32.load (local.get $a1)) (local.get $z))))
            (local.set $a1 (i32.add (local.get $a1) (i32.const 4)))
            (local.set $r2 (f32.add (local.get $r2) (f32.mul (f32.load (local.get $a2)) (local.get $z))))
            (local.set $a2 (i32.add (local.get $a2) (i32.const 4)))
            (local.set $r3 (f32.add (local.get $r3) (f32.mul (f32.load (local.get $a3)) (local.get $z))))
            (local.set $a3 (i32.add (local.get $a3) (i32.const 4)))
            (local.set $tp (i32.add (local.get $tp) (i32.const 4)))
            (local.set $p (i32.add (local.get $p) (i32.const 1)))
            (br $tail)))
        (local.set $w (i32.add (i32.add (local.get $c) (i32.mul (i32.shl (local.get $i) (i32.const 2)) (local.get $ldc)))
          (i32.shl (local.get $j) (i32.const 2))))
        (f32.store (local.get $w) (local.get $r0))
        (local.set $w (i32.add (local.get $w) (local.get $ldc)))
        (f32.store (local.get $w) (local.get $r1))
        (local.set $w (i32.add (local.get $w) (local.get $ldc)))
        (f32.store (local.get $w) (local.get $r2))
        (local.set $w (i32.add (local.get $w) (local.get $ldc)))
        (f32.store (local.get $w) (local.get $r3))
        (br_if $columns (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 1))) (local.get $n))))
      (br_if $rowBlocks (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $mb)))))

  ;; out[r] = Σ of the `n` contiguous float64 values of row r, for `rows` rows one after another from `p`; `out`
  ;; holds float64. The sums run in float64, in four pairs of lanes (so no single chain of additions waits on
  ;; the last), then the tail. rows ≥ 1.
  (func (export "sum_rows_f64") (param $p i32) (param $rows i32) (param $n i32) (param $out i32)
    (local $end i32) (local $vectorEnd i32) (local $s f64) (local $x v128)
    (local $s0 v128) (local $s1 v128) (local $s2 v128) (local $s3 v128)
    (loop $eachRow
      (local.set $end (i32.add (local.get $p) (i32.mul (local.get $n) (i32.const 8))))
      (local.set $vectorEnd (i32.add (local.get $p) (i32.mul (i32.and (local.get $n) (i32.const -8)) (i32.const 8))))
      (local.set $s0 (v128.const i64x2 0 0))
      (local.set $s1 (v128.const i64x2 0 0))
      (local.set $s2 (v128.const i64x2 0 0))
      (local.set $s3 (v128.const i64x2 0 0))
      (block $vectorsDone
        (loop $vectors
          (br_if $vectorsDone (i32.ge_u (local.get $p) (local.get $vectorEnd)))
            (local.set $s0 (f64x2.add (local.get $s0) (v128.load (local.get $p))))
            (local.set $s1 (f64x2.add (local.get $s1) (v128.load offset=16 (local.get $p))))
            (local.set $s2 (f64x2.add (local.get $s2) (v128.load offset=32 (local.get $p))))
            (local.set $s3 (f64x2.add (local.get $s3) (v128.load offset=48 (local.get $p))))
            (local.set $p (i32.add (local.get $p) (i32.const 64)))
          (br $vectors)))
      (local.set $s0 (f64x2.add (f64x2.add (local.get $s0) (local.get $s1)) (f64x2.add (local.get $s2) (local.get $s3))))
      (local.set $s (f64.add (f64x2.extract_lane 0 (local.get $s0)) (f64x2.extract_lane 1 (local.get $s0))))
      (block $tailDone
        (loop $tail
          (br_if $tailDone (i32.ge_u (local.get $p) (local.get $end)))
          (local.set $s (f64.add (local.get $s) (f64.load (local.get $p))))
          (local.set $p (i32.add (local.get $p) (i32.const 8)))
          (br $tail)))
      (f64.store (local.get $out) (local.get $s))
      (local.set $out (i32.add (local.get $out) (i32.const 8)))
      (br_if $eachRow (local.tee $rows (i32.sub (local.get $rows) (i32.const 1))))))

  ;; out[r] = Σ of the `n` contiguous float32 values of row r, for `rows` rows one after another from `p`; `out`
  ;; holds float64. Each block of 64 values is summed in four float32 lanes of four vectors (16 values per lane),
  ;; and the block's sum is added to two float64 lanes: nearly float64's accuracy at float32's speed. rows ≥ 1.
  (func (export "sum_rows_f32") (param $p i32) (param $rows i32) (param $n i32) (param $out i32)
    (local $end i32) (local $vectorEnd i32) (local $s f64) (local $t v128)
    (local $s0 v128) (local $s1 v128) (local $s2 v128) (local $s3 v128)
    (loop $eachRow
      (local.set $end (i32.add (local.get $p) (i32.mul (local.get $n) (i32.const 4))))
      (local.set $vectorEnd (i32.add (local.get $p) (i32.mul (i32.and (local.get $n) (i32.const -64)) (i32.const 4))))
      (local.set $t (v128.const i64x2 0 0))
      (block $vectorsDone
        (loop $vectors
          (br_if $vectorsDone (i32.ge_u (local.get $p) (local.get $vectorEnd)))
          (local.set $s0 (v128.load (local.get $p)))
          (local.set $s1 (v128.load offset=16 (local.get $p)))
          (local.set $s2 (v128.load offset=32 (local.get $p)))
          (local.set $s3 (v128.load offset=48 (local.get $p)))
          (local.set $s0 (f32x4.add (local.get $s0) (v128.load offset=64 (local.get $p))))
          (local.set $s1 (f32x4.add (local.get $s1) (v128.load offset=80 (local.get $p))))
          (local.set $s2 (f32x4.add (local.get $s2) (v128.load offset=96 (local.get $p))))
          (local.set $s3 (f32x4.add (local.get $s3) (v128.load offset=112 (local.get $p))))
          (local.set $s0 (f32x4.add (local.get $s0) (v128.load offset=128 (local.get $p))))
          (local.set $s1 (f32x4.add (local.get $s1) (v128.load offset=144 (local.get $p))))
          (local.set $s2 (f32x4.add (local.get $s2) (v128.load offset=160 (local.get $p))))
          (local.set $s3 (f32x4.add (local.get $s3) (v128.load offset=176 (local.get $p))))
          (local.set $s0 (f32x4.add (local.get $s0) (v128.load offset=192 (local.get $p))))
          (local.set $s1 (f32x4.add (local.get $s1) (v128.load offset=208 (local.get $p))))
          (local.set $s2 (f32x4.add (local.get $s2) (v128.load offset=224 (local.get $p))))
          (local.set $s3 (f32x4.add (local.get $s3) (v128.load offset=240 (local.get $p))))
          (local.set $s0 (f32x4.add (f32x4.add (local.get $s0) (local.get $s1)) (f32x4.add (local.get $s2) (local.get $s3))))
          (local.set $t (f64x2.add (local.get $t) (f64x2.add (f64x2.promote_low_f32x4 (local.get $s0))
            (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $s0) (local.get $s0))))))
          (local.set $p (i32.add (local.get $p) (i32.const 256)))
          (br $vectors)))
      (local.set $s (f64.add (f64x2.extract_lane 0 (local.get $t)) (f64x2.extract_lane 1 (local.get $t))))
      (block $tailDone
        (loop $tail
          (br_if $tailDone (i32.ge_u (local.get $p) (local.get $end)))
          (local.set $s (f64.add (local.get $s) (f64.promote_f32 (f32.load (local.get $p)))))
          (local.set $p (i32.add (local.get $p) (i32.const 4)))
          (br $tail)))
      (f64.store (local.get $out) (local.get $s))
      (local.set $out (i32.add (local.get $out) (i32.const 8)))
      (br_if $eachRow (local.tee $rows (i32.sub (local.get $rows) (i32.const 1))))))

  ;; C[i][j] = x[i]·y[j] + 0 (float64) for i < m, j < n, C row-major and contiguous (n columns); the `+ 0` turns a
  ;; product of -0 into +0, as every other path writes it. m, n ≥ 1.
  (func (export "outer_f64") (param $x i32) (param $m i32) (param $y i32) (param $n i32) (param $c i32)
    (local $j i32) (local $nv i32) (local $s v128) (local $zero v128)
    (local.set $nv (i32.and (local.get $n) (i32.const -2)))
    (loop $rows
      (local.set $s (v128.load64_splat (local.get $x)))
      (local.set $j (i32.const 0))
      (block $vectorsDone
        (loop $vectors
          (br_if $vectorsDone (i32.ge_u (local.get $j) (local.get $nv)))
          (v128.store (i32.add (local.get $c) (i32.mul (local.get $j) (i32.const 8)))
            (f64x2.add (f64x2.mul (local.get $s) (v128.load (i32.add (local.get $y) (i32.mul (local.get $j) (i32.const 8)))))
              (local.get $zero)))
          (local.set $j (i32.add (local.get $j) (i32.const 2)))
          (br $vectors)))
      (block $tailDone
        (loop $tail
          (br_if $tailDone (i32.ge_u (local.get $j) (local.get $n)))
          (f64.store (i32.add (local.get $c) (i32.mul (local.get $j) (i32.const 8)))
            (f64.add (f64.mul (f64.load (local.get $x)) (f64.load (i32.add (local.get $y) (i32.mul (local.get $j) (i32.const 8)))))
              (f64.const 0)))
          (local.set $j (i32.add (local.get $j) (i32.const 1)))
          (br $tail)))
      (local.set $c (i32.add (local.get $c) (i32.mul (local.get $n) (i32.const 8))))
      (local.set $x (i32.add (local.get $x) (i32.const 8)))
      (br_if $rows (local.tee $m (i32.sub (local.get $m) (i32.const 1))))))

  ;; C[i][j] = x[i]·y[j] + 0 (float32) for i < m, j < n, C row-major and contiguous (n columns); the `+ 0` turns a
  ;; product of -0 into +0, as every other path writes it. m, n ≥ 1.
  (func (export "outer_f32") (param $x i32) (param $m i32) (param $y i32) (param $n i32) (param $c i32)
    (local $j i32) (local $nv i32) (local $s v128) (local $zero v128)
    (local.set $nv (i32.and (local.get $n) (i32.const -4)))
    (loop $rows
      (local.set $s (v128.load32_splat (local.get $x)))
      (local.set $j (i32.const 0))
      (block $vectorsDone
        (loop $vectors
          (br_if $vectorsDone (i32.ge_u (local.get $j) (local.get $nv)))
          (v128.store (i32.add (local.get $c) (i32.mul (local.get $j) (i32.const 4)))
            (f32x4.add (f32x4.mul (local.get $s) (v128.load (i32.add (local.get $y) (i32.mul (local.get $j) (i32.const 4)))))
              (local.get $zero)))
          (local.set $j (i32.add (local.get $j) (i32.const 4)))
          (br $vectors)))
      (block $tailDone
        (loop $tail
          (br_if $tailDone (i32.ge_u (local.get $j) (local.get $n)))
          (f32.store (i32.add (local.get $c) (i32.mul (local.get $j) (i32.const 4)))
            (f32.add (f32.mul (f32.load (local.get $x)) (f32.load (i32.add (local.get $y) (i32.mul (local.get $j) (i32.const 4)))))
              (f32.const 0)))
          (local.set $j (i32.add (local.get $j) (i32.const 1)))
          (br $tail)))
      (local.set $c (i32.add (local.get $c) (i32.mul (local.get $n) (i32.const 4))))
      (local.set $x (i32.add (local.get $x) (i32.const 4)))
      (br_if $rows (local.tee $m (i32.sub (local.get $m) (i32.const 1))))))

  ;; a[i] = a[i]·b[i] + 0 (float64) for i < n, in place, a and b contiguous: the Hadamard product of one
  ;; copied chunk. The `+ 0` turns a product of -0 into +0, as every other path writes it. n ≥ 0.
  (func (export "multiply_f64") (param $a i32) (param $b i32) (param $n i32)
    (local $end i32) (local $vectorEnd i32) (local $zero v128)
    (local.set $end (i32.add (local.get $a) (i32.mul (local.get $n) (i32.const 8))))
    (local.set $vectorEnd (i32.add (local.get $a) (i32.mul (i32.and (local.get $n) (i32.const -4)) (i32.const 8))))
    (block $vectorsDone
      (loop $vectors
        (br_if $vectorsDone (i32.ge_u (local.get $a) (local.get $vectorEnd)))
        (v128.store (local.get $a)
          (f64x2.add (f64x2.mul (v128.load (local.get $a)) (v128.load (local.get $b))) (local.get $zero)))
        (v128.store offset=16 (local.get $a)
          (f64x2.add (f64x2.mul (v128.load offset=16 (local.get $a)) (v128.load offset=16 (local.get $b))) (local.get $zero)))
        (local.set $a (i32.add (local.get $a) (i32.const 32)))
        (local.set $b (i32.add (local.get $b) (i32.const 32)))
        (br $vectors)))
    (block $tailDone
      (loop $tail
        (br_if $tailDone (i32.ge_u (local.get $a) (local.get $end)))
        (f64.store (local.get $a) (f64.add (f64.mul (f64.load (local.get $a)) (f64.load (local.get $b))) (f64.const 0)))
        (local.set $a (i32.add (local.get $a) (i32.const 8)))
        (local.set $b (i32.add (local.get $b) (i32.const 8)))
        (br $tail))))

  ;; a[i] = a[i]·b[i] + 0 (float32) for i < n, in place, a and b contiguous: the Hadamard product of one
  ;; copied chunk. The `+ 0` turns a product of -0 into +0, as every other path writes it. n ≥ 0.
  (func (export "multiply_f32") (param $a i32) (param $b i32) (param $n i32)
    (local $end i32) (local $vectorEnd i32) (local $zero v128)
    (local.set $end (i32.add (local.get $a) (i32.mul (local.get $n) (i32.const 4))))
    (local.set $vectorEnd (i32.add (local.get $a) (i32.mul (i32.and (local.get $n) (i32.const -8)) (i32.const 4))))
    (block $vectorsDone
      (loop $vectors
        (br_if $vectorsDone (i32.ge_u (local.get $a) (local.get $vectorEnd)))
        (v128.store (local.get $a)
          (f32x4.add (f32x4.mul (v128.load (local.get $a)) (v128.load (local.get $b))) (local.get $zero)))
        (v128.store offset=16 (local.get $a)
          (f32x4.add (f32x4.mul (v128.load offset=16 (local.get $a)) (v128.load offset=16 (local.get $b))) (local.get $zero)))
        (local.set $a (i32.add (local.get $a) (i32.const 32)))
        (local.set $b (i32.add (local.get $b) (i32.const 32)))
        (br $vectors)))
    (block $tailDone
      (loop $tail
        (br_if $tailDone (i32.ge_u (local.get $a) (local.get $end)))
        (f32.store (local.get $a) (f32.add (f32.mul (f32.load (local.get $a)) (f32.load (local.get $b))) (f32.const 0)))
        (local.set $a (i32.add (local.get $a) (i32.const 4)))
        (local.set $b (i32.add (local.get $b) (i32.const 4)))
        (br $tail))))
)
