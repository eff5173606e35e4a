;; The row kernels of the thin and shallow products (`gemm-thin.ts`, WebAssembly SIMD, 128-bit): each row of
;; C = A·B is summed from the rows of B, weighted by that row of A, with B's columns in the SIMD lanes. This reads
;; B once per pair of rows of A, which is what a product with very few rows (A of 1–3 rows), or with a very short
;; depth (an outer product of rank 2), wants: the tiled kernel of `direct.wat` would compute padding rows, or write
;; C in padded tiles that must be copied out row by row. Column sums of a block of rows (`add_rows_f64`,
;; `add_rows_f32`) are the same product with a row of ones for A, added into float64 accumulators. The caller copies
;; operands in and results out. Addresses and strides are in bytes. Multiply-add is a mul followed by an add, as in gemm.wat.
(module
  (memory (export "memory") 1)
  ;; One row of C from column `j` on (float64): C[j..n) = Σ_p A[p]·B[p][j..n), 2 columns at a time, then one.
  ;; `a`, `b` and `c` point at the row of A, the first row of B and the row of C. k ≥ 1.
  (func $rest_f64 (param $j i32) (param $n i32) (param $k i32) (param $a i32) (param $b i32) (param $ldb i32) (param $c i32)
    (local $p i32) (local $ap i32) (local $bp i32) (local $s0 v128) (local $t f64) (local $nVectors i32)
    (local.set $nVectors (i32.and (local.get $n) (i32.const -2)))
    (block $vectorsDone
      (loop $vectors
        (br_if $vectorsDone (i32.ge_u (local.get $j) (local.get $nVectors)))
        (local.set $s0 (v128.const i64x2 0 0))
        (local.set $ap (local.get $a))
        (local.set $bp (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 3))))
        (local.set $p (local.get $k))
        (loop $depth
          (local.set $s0 (f64x2.add (local.get $s0) (f64x2.mul (v128.load64_splat (local.get $ap)) (v128.load (local.get $bp)))))
          (local.set $ap (i32.add (local.get $ap) (i32.const 8)))
          (local.set $bp (i32.add (local.get $bp) (local.get $ldb)))
          (br_if $depth (local.tee $p (i32.sub (local.get $p) (i32.const 1)))))
        (v128.store (i32.add (local.get $c) (i32.shl (local.get $j) (i32.const 3))) (local.get $s0))
        (local.set $j (i32.add (local.get $j) (i32.const 2)))
        (br $vectors)))
    (block $tailDone
      (loop $tail
        (br_if $tailDone (i32.ge_u (local.get $j) (local.get $n)))
        (local.set $t (f64.const 0))
        (local.set $ap (local.get $a))
        (local.set $bp (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 3))))
        (local.set $p (local.get $k))
        (loop $depth
          (local.set $t (f64.add (local.get $t) (f64.mul (f64.load (local.get $ap)) (f64.load (local.get $bp)))))
          (local.set $ap (i32.add (local.get $ap) (i32.const 8)))
          (local.set $bp (i32.add (local.get $bp) (local.get $ldb)))
          (br_if $depth (local.tee $p (i32.sub (local.get $p) (i32.const 1)))))
        (f64.store (i32.add (local.get $c) (i32.shl (local.get $j) (i32.const 3))) (local.get $t))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $tail))))

  ;; C[i][j] = Σ_p A[i][p]·B[p][j] (float64) for i < m, j < n: each row of C summed from rows of B, in depth order
  ;; from zero; two rows of C at a time in blocks of 8 columns (B's rows read once for both), the columns past
  ;; the last block and a last odd row one row at a time. Rows of A, B and C are `lda`, `ldb`, `ldc` bytes apart;
  ;; A's entries are contiguous along each row. m, k ≥ 1.
  (func (export "rows_f64") (param $m i32) (param $n i32) (param $k i32) (param $a i32) (param $lda i32)
    (param $b i32) (param $ldb i32) (param $c i32) (param $ldc i32)
    (local $j i32) (local $p i32) (local $ap i32) (local $bp i32) (local $x v128) (local $y v128)
    (local $b0 v128) (local $b1 v128) (local $b2 v128) (local $b3 v128)
    (local $s0 v128) (local $s1 v128) (local $s2 v128) (local $s3 v128)
    (local $r0 v128) (local $r1 v128) (local $r2 v128) (local $r3 v128) (local $nBlocks i32)
    (local.set $nBlocks (i32.and (local.get $n) (i32.const -8)))
    (loop $rows
      (local.set $j (i32.const 0))
      (block $blocksDone
        (loop $blocks
          (br_if $blocksDone (i32.ge_u (local.get $j) (local.get $nBlocks)))
          (local.set $s0 (v128.const i64x2 0 0))
          (local.set $s1 (v128.const i64x2 0 0))
          (local.set $s2 (v128.const i64x2 0 0))
          (local.set $s3 (v128.const i64x2 0 0))
          (local.set $r0 (v128.const i64x2 0 0))
          (local.set $r1 (v128.const i64x2 0 0))
          (local.set $r2 (v128.const i64x2 0 0))
          (local.set $r3 (v128.const i64x2 0 0))
          (local.set $ap (local.get $a))
          (local.set $bp (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 3))))
          (local.set $p (local.get $k))
          (if (i32.ge_u (local.get $m) (i32.const 2))
            (then
              (loop $pairDepth
                (local.set $b0 (v128.load (local.get $bp)))
                (local.set $b1 (v128.load offset=16 (local.get $bp)))
                (local.set $b2 (v128.load offset=32 (local.get $bp)))
                (local.set $b3 (v128.load offset=48 (local.get $bp)))
                (local.set $x (v128.load64_splat (local.get $ap)))
                (local.set $y (v128.load64_splat (i32.add (local.get $ap) (local.get $lda))))
                (local.set $s0 (f64x2.add (local.get $s0) (f64x2.mul (local.get $x) (local.get $b0))))
                (local.set $s1 (f64x2.add (local.get $s1) (f64x2.mul (local.get $x) (local.get $b1))))
                (local.set $s2 (f64x2.add (local.get $s2) (f64x2.mul (local.get $x) (local.get $b2))))
                (local.set $s3 (f64x2.add (local.get $s3) (f64x2.mul (local.get $x) (local.get $b3))))
                (local.set $r0 (f64x2.add (local.get $r0) (f64x2.mul (local.get $y) (local.get $b0))))
                (local.set $r1 (f64x2.add (local.get $r1) (f64x2.mul (local.get $y) (local.get $b1))))
                (local.set $r2 (f64x2.add (local.get $r2) (f64x2.mul (local.get $y) (local.get $b2))))
                (local.set $r3 (f64x2.add (local.get $r3) (f64x2.mul (local.get $y) (local.get $b3))))
                (local.set $ap (i32.add (local.get $ap) (i32.const 8)))
                (local.set $bp (i32.add (local.get $bp) (local.get $ldb)))
                (br_if $pairDepth (local.tee $p (i32.sub (local.get $p) (i32.const 1)))))
              (local.set $bp (i32.add (i32.add (local.get $c) (local.get $ldc)) (i32.shl (local.get $j) (i32.const 3))))
              (v128.store (local.get $bp) (local.get $r0))
              (v128.store offset=16 (local.get $bp) (local.get $r1))
              (v128.store offset=32 (local.get $bp) (local.get $r2))
              (v128.store offset=48 (local.get $bp) (local.get $r3)))
            (else
              (loop $depth
                (local.set $x (v128.load64_splat (local.get $ap)))
                (local.set $s0 (f64x2.add (local.get $s0) (f64x2.mul (local.get $x) (v128.load (local.get $bp)))))
                (local.set $s1 (f64x2.add (local.get $s1) (f64x2.mul (local.get $x) (v128.load offset=16 (local.get $bp)))))
                (local.set $s2 (f64x2.add (local.get $s2) (f64x2.mul (local.get $x) (v128.load offset=32 (local.get $bp)))))
                (local.set $s3 (f64x2.add (local.get $s3) (f64x2.mul (local.get $x) (v128.load offset=48 (local.get $bp)))))
                (local.set $ap (i32.add (local.get $ap) (i32.const 8)))
                (local.set $bp (i32.add (local.get $bp) (local.get $ldb)))
                (br_if $depth (local.tee $p (i32.sub (local.get $p) (i32.const 1)))))))
          (local.set $bp (i32.add (local.get $c) (i32.shl (local.get $j) (i32.const 3))))
          (v128.store (local.get $bp) (local.get $s0))
          (v128.store offset=16 (local.get $bp) (local.get $s1))
          (v128.store offset=32 (local.get $bp) (local.get $s2))
          (v128.store offset=48 (local.get $bp) (local.get $s3))
          (local.set $j (i32.add (local.get $j) (i32.const 8)))
          (br $blocks)))
      (call $rest_f64 (local.get $j) (local.get $n) (local.get $k) (local.get $a) (local.get $b) (local.get $ldb) (local.get $c))
      (if (i32.ge_u (local.get $m) (i32.const 2))
        (then
          (call $rest_f64 (local.get $j) (local.get $n) (local.get $k) (i32.add (local.get $a) (local.get $lda)) (local.get $b)
            (local.get $ldb) (i32.add (local.get $c) (local.get $ldc)))
          (local.set $a (i32.add (local.get $a) (local.get $lda)))
          (local.set $c (i32.add (local.get $c) (local.get $ldc)))
          (local.set $m (i32.sub (local.get $m) (i32.const 1)))))
      (local.set $a (i32.add (local.get $a) (local.get $lda)))
      (local.set $c (i32.add (local.get $c) (local.get $ldc)))
      (br_if $rows (local.tee $m (i32.sub (local.get $m) (i32.const 1))))))

  ;; One row of C from column `j` on (float32): C[j..n) = Σ_p A[p]·B[p][j..n), 4 columns at a time, then one.
  ;; `a`, `b` and `c` point at the row of A, the first row of B and the row of C. k ≥ 1.
  (func $rest_f32 (param $j i32) (param $n i32) (param $k i32) (param $a i32) (param $b i32) (param $ldb i32) (param $c i32)
    (local $p i32) (local $ap i32) (local $bp i32) (local $s0 v128) (local $t f32) (local $nVectors i32)
    (local.set $nVectors (i32.and (local.get $n) (i32.const -4)))
    (block $vectorsDone
      (loop $vectors
        (br_if $vectorsDone (i32.ge_u (local.get $j) (local.get $nVectors)))
        (local.set $s0 (v128.const i64x2 0 0))
        (local.set $ap (local.get $a))
        (local.set $bp (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 2))))
        (local.set $p (local.get $k))
        (loop $depth
          (local.set $s0 (f32x4.add (local.get $s0) (f32x4.mul (v128.load32_splat (local.get $ap)) (v128.load (local.get $bp)))))
          (local.set $ap (i32.add (local.get $ap) (i32.const 4)))
          (local.set $bp (i32.add (local.get $bp) (local.get $ldb)))
          (br_if $depth (local.tee $p (i32.sub (local.get $p) (i32.const 1)))))
        (v128.store (i32.add (local.get $c) (i32.shl (local.get $j) (i32.const 2))) (local.get $s0))
        (local.set $j (i32.add (local.get $j) (i32.const 4)))
        (br $vectors)))
    (block $tailDone
      (loop $tail
        (br_if $tailDone (i32.ge_u (local.get $j) (local.get $n)))
        (local.set $t (f32.const 0))
        (local.set $ap (local.get $a))
        (local.set $bp (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 2))))
        (local.set $p (local.get $k))
        (loop $depth
          (local.set $t (f32.add (local.get $t) (f32.mul (f32.load (local.get $ap)) (f32.load (local.get $bp)))))
          (local.set $ap (i32.add (local.get $ap) (i32.const 4)))
          (local.set $bp (i32.add (local.get $bp) (local.get $ldb)))
          (br_if $depth (local.tee $p (i32.sub (local.get $p) (i32.const 1)))))
        (f32.store (i32.add (local.get $c) (i32.shl (local.get $j) (i32.const 2))) (local.get $t))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $tail))))

  ;; C[i][j] = Σ_p A[i][p]·B[p][j] (float32) for i < m, j < n: each row of C summed from rows of B, in depth order
  ;; from zero; two rows of C at a time in blocks of 16 columns (B's rows read once for both), the columns past
  ;; the last block and a last odd row one row at a time. Rows of A, B and C are `lda`, `ldb`, `ldc` bytes apart;
  ;; A's entries are contiguous along each row. m, k ≥ 1.
  (func (export "rows_f32") (param $m i32) (param $n i32) (param $k i32) (param $a i32) (param $lda i32)
    (param $b i32) (param $ldb i32) (param $c i32) (param $ldc i32)
    (local $j i32) (local $p i32) (local $ap i32) (local $bp i32) (local $x v128) (local $y v128)
    (local $b0 v128) (local $b1 v128) (local $b2 v128) (local $b3 v128)
    (local $s0 v128) (local $s1 v128) (local $s2 v128) (local $s3 v128)
    (local $r0 v128) (local $r1 v128) (local $r2 v128) (local $r3 v128) (local $nBlocks i32)
    (local.set $nBlocks (i32.and (local.get $n) (i32.const -16)))
    (loop $rows
      (local.set $j (i32.const 0))
      (block $blocksDone
        (loop $blocks
          (br_if $blocksDone (i32.ge_u (local.get $j) (local.get $nBlocks)))
          (local.set $s0 (v128.const i64x2 0 0))
          (local.set $s1 (v128.const i64x2 0 0))
          (local.set $s2 (v128.const i64x2 0 0))
          (local.set $s3 (v128.const i64x2 0 0))
          (local.set $r0 (v128.const i64x2 0 0))
          (local.set $r1 (v128.const i64x2 0 0))
          (local.set $r2 (v128.const i64x2 0 0))
          (local.set $r3 (v128.const i64x2 0 0))
          (local.set $ap (local.get $a))
          (local.set $bp (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 2))))
          (local.set $p (local.get $k))
          (if (i32.ge_u (local.get $m) (i32.const 2))
            (then
              (loop $pairDepth
                (local.set $b0 (v128.load (local.get $bp)))
                (local.set $b1 (v128.load offset=16 (local.get $bp)))
                (local.set $b2 (v128.load offset=32 (local.get $bp)))
                (local.set $b3 (v128.load offset=48 (local.get $bp)))
                (local.set $x (v128.load32_splat (local.get $ap)))
                (local.set $y (v128.load32_splat (i32.add (local.get $ap) (local.get $lda))))
                (local.set $s0 (f32x4.add (local.get $s0) (f32x4.mul (local.get $x) (local.get $b0))))
                (local.set $s1 (f32x4.add (local.get $s1) (f32x4.mul (local.get $x) (local.get $b1))))
                (local.set $s2 (f32x4.add (local.get $s2) (f32x4.mul (local.get $x) (local.get $b2))))
                (local.set $s3 (f32x4.add (local.get $s3) (f32x4.mul (local.get $x) (local.get $b3))))
                (local.set $r0 (f32x4.add (local.get $r0) (f32x4.mul (local.get $y) (local.get $b0))))
                (local.set $r1 (f32x4.add (local.get $r1) (f32x4.mul (local.get $y) (local.get $b1))))
                (local.set $r2 (f32x4.add (local.get $r2) (f32x4.mul (local.get $y) (local.get $b2))))
                (local.set $r3 (f32x4.add (local.get $r3) (f32x4.mul (local.get $y) (local.get $b3))))
                (local.set $ap (i32.add (local.get $ap) (i32.const 4)))
                (local.set $bp (i32.add (local.get $bp) (local.get $ldb)))
                (br_if $pairDepth (local.tee $p (i32.sub (local.get $p) (i32.const 1)))))
              (local.set $bp (i32.add (i32.add (local.get $c) (local.get $ldc)) (i32.shl (local.get $j) (i32.const 2))))
              (v128.store (local.get $bp) (local.get $r0))
              (v128.store offset=16 (local.get $bp) (local.get $r1))
              (v128.store offset=32 (local.get $bp) (local.get $r2))
              (v128.store offset=48 (local.get $bp) (local.get $r3)))
            (else
              (loop $depth
                (local.set $x (v128.load32_splat (local.get $ap)))
                (local.set $s0 (f32x4.add (local.get $s0) (f32x4.mul (local.get $x) (v128.load (local.get $bp)))))
                (local.set $s1 (f32x4.add (local.get $s1) (f32x4.mul (local.get $x) (v128.load offset=16 (local.get $bp)))))
                (local.set $s2 (f32x4.add (local.get $s2) (f32x4.mul (local.get $x) (v128.load offset=32 (local.get $bp)))))
                (local.set $s3 (f32x4.add (local.get $s3) (f32x4.mul (local.get $x) (v128.load offset=48 (local.get $bp)))))
                (local.set $ap (i32.add (local.get $ap) (i32.const 4)))
                (local.set $bp (i32.add (local.get $bp) (local.get $ldb)))
                (br_if $depth (local.tee $p (i32.sub (local.get $p) (i32.const 1)))))))
          (local.set $bp (i32.add (local.get $c) (i32.shl (local.get $j) (i32.const 2))))
          (v128.store (local.get $bp) (local.get $s0))
          (v128.store offset=16 (local.get $bp) (local.get $s1))
          (v128.store offset=32 (local.get $bp) (local.get $s2))
          (v128.store offset=48 (local.get $bp) (local.get $s3))
          (local.set $j (i32.add (local.get $j) (i32.const 16)))
          (br $blocks)))
      (call $rest_f32 (local.get $j) (local.get $n) (local.get $k) (local.get $a) (local.get $b) (local.get $ldb) (local.get $c))
      (if (i32.ge_u (local.get $m) (i32.const 2))
        (then
          (call $rest_f32 (local.get $j) (local.get $n) (local.get $k) (i32.add (local.get $a) (local.get $lda)) (local.get $b)
            (local.get $ldb) (i32.add (local.get $c) (local.get $ldc)))
          (local.set $a (i32.add (local.get $a) (local.get $lda)))
          (local.set $c (i32.add (local.get $c) (local.get $ldc)))
          (local.set $m (i32.sub (local.get $m) (i32.const 1)))))
      (local.set $a (i32.add (local.get $a) (local.get $lda)))
      (local.set $c (i32.add (local.get $c) (local.get $ldc)))
      (br_if $rows (local.tee $m (i32.sub (local.get $m) (i32.const 1))))))

  ;; acc[j] += Σ_r p[r·n + j] (float64) for j < n: `rows` contiguous rows of `n` values from `p` added, one row
  ;; after another, to the float64 accumulators at `acc`, 8 columns at a time, then the tail. rows, n ≥ 1.
  (func (export "add_rows_f64") (param $p i32) (param $rows i32) (param $n i32) (param $acc i32)
    (local $j i32) (local $nv i32) (local $a i32)
    (local.set $nv (i32.and (local.get $n) (i32.const -8)))
    (loop $eachRow
      (local.set $j (i32.const 0))
      (local.set $a (local.get $acc))
      (block $vectorsDone
        (loop $vectors
          (br_if $vectorsDone (i32.ge_u (local.get $j) (local.get $nv)))
          (v128.store (local.get $a) (f64x2.add (v128.load (local.get $a)) (v128.load (local.get $p))))
          (v128.store offset=16 (local.get $a) (f64x2.add (v128.load offset=16 (local.get $a)) (v128.load offset=16 (local.get $p))))
          (v128.store offset=32 (local.get $a) (f64x2.add (v128.load offset=32 (local.get $a)) (v128.load offset=32 (local.get $p))))
          (v128.store offset=48 (local.get $a) (f64x2.add (v128.load offset=48 (local.get $a)) (v128.load offset=48 (local.get $p))))
          (local.set $a (i32.add (local.get $a) (i32.const 64)))
          (local.set $p (i32.add (local.get $p) (i32.const 64)))
          (local.set $j (i32.add (local.get $j) (i32.const 8)))
          (br $vectors)))
      (block $tailDone
        (loop $tail
          (br_if $tailDone (i32.ge_u (local.get $j) (local.get $n)))
          (f64.store (local.get $a) (f64.add (f64.load (local.get $a)) (f64.load (local.get $p))))
          (local.set $a (i32.add (local.get $a) (i32.const 8)))
          (local.set $p (i32.add (local.get $p) (i32.const 8)))
          (local.set $j (i32.add (local.get $j) (i32.const 1)))
          (br $tail)))
      (br_if $eachRow (local.tee $rows (i32.sub (local.get $rows) (i32.const 1))))))

  ;; acc[j] += Σ_r p[r·n + j] for j < n, the rows float32 and the accumulators float64: each value is widened
  ;; exactly and added in float64, 8 columns at a time, then the tail. rows, n ≥ 1.
  (func (export "add_rows_f32") (param $p i32) (param $rows i32) (param $n i32) (param $acc i32)
    (local $j i32) (local $nv i32) (local $a i32) (local $x v128) (local $y v128)
    (local.set $nv (i32.and (local.get $n) (i32.const -8)))
    (loop $eachRow
      (local.set $j (i32.const 0))
      (local.set $a (local.get $acc))
      (block $vectorsDone
        (loop $vectors
          (br_if $vectorsDone (i32.ge_u (local.get $j) (local.get $nv)))
          (local.set $x (v128.load (local.get $p)))
          (local.set $y (v128.load offset=16 (local.get $p)))
          (v128.store (local.get $a) (f64x2.add (v128.load (local.get $a)) (f64x2.promote_low_f32x4 (local.get $x))))
          (v128.store offset=16 (local.get $a) (f64x2.add (v128.load offset=16 (local.get $a))
            (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $x) (local.get $x)))))
          (v128.store offset=32 (local.get $a) (f64x2.add (v128.load offset=32 (local.get $a)) (f64x2.promote_low_f32x4 (local.get $y))))
          (v128.store offset=48 (local.get $a) (f64x2.add (v128.load offset=48 (local.get $a))
            (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $y) (local.get $y)))))
          (local.set $a (i32.add (local.get $a) (i32.const 64)))
          (local.set $p (i32.add (local.get $p) (i32.const 32)))
          (local.set $j (i32.add (local.get $j) (i32.const 8)))
          (br $vectors)))
      (block $tailDone
        (loop $tail
          (br_if $tailDone (i32.ge_u (local.get $j) (local.get $n)))
          (f64.store (local.get $a) (f64.add (f64.load (local.get $a)) (f64.promote_f32 (f32.load (local.get $p)))))
          (local.set $a (i32.add (local.get $a) (i32.const 8)))
          (local.set $p (i32.add (local.get $p) (i32.const 4)))
          (local.set $j (i32.add (local.get $j) (i32.const 1)))
          (br $tail)))
      (br_if $eachRow (local.tee $rows (i32.sub (local.get $rows) (i32.const 1))))))
)
