;; Packed GEMM micro- and macro-kernels in WebAssembly SIMD (128-bit).
;;
;; Contract: C += A·B on packed operands (the caller zeroes C first, so C = A·B).
;;   A is packed in panels of MR rows: panel i holds, for p = 0..k-1, the MR values A[i·MR + r][p] (r = 0..MR-1).
;;   B is packed in panels of NR columns: panel j holds, for p = 0..k-1, the NR values B[p][j·NR + c].
;;   C is row-major with `ldc` bytes between rows, padded to whole MR×NR tiles.
;; Blocking: the depth is cut in blocks of `kc`, the rows in blocks of `mcp` panels. For one depth block, each
;; B micro-panel (kc×NR) stays in L1 while the A block (mcp·MR × kc) it meets is read from L2.
;; Tiles: float64 4×4 (eight f64x2 accumulators), float32 4×8 (eight f32x4 accumulators); the multiply-add is a
;; mul followed by an add, since fused multiply-add is not in the 128-bit SIMD instruction set.
;; The threaded product also packs and unpacks here (`pack_64`, `pack_32`, `unpack_64`, `unpack_32`), reading
;; operands through offset tables, so that every thread works on one shared memory. scripts/build-wasm.mjs builds
;; this module twice: with its own memory, and importing a shared memory (`env.memory`) for the threads.
(module
  (memory (export "memory") 1)

  ;; One 4×4 float64 tile: C[0..3][0..3] += Apanel(4×k) · Bpanel(k×4). k ≥ 1. The accumulators start from C, so
  ;; that each entry is one running sum in depth order whatever the depth blocking (and the threads' row split).
  (func $tile_f64 (param $a i32) (param $b i32) (param $c i32) (param $k i32) (param $ldc i32)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128)
    (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128)
    (local $b0 v128) (local $b1 v128) (local $x v128) (local $w i32)
    (local.set $w (local.get $c))
    (local.set $c00 (v128.load (local.get $w)))
    (local.set $c01 (v128.load offset=16 (local.get $w)))
    (local.set $w (i32.add (local.get $w) (local.get $ldc)))
    (local.set $c10 (v128.load (local.get $w)))
    (local.set $c11 (v128.load offset=16 (local.get $w)))
    (local.set $w (i32.add (local.get $w) (local.get $ldc)))
    (local.set $c20 (v128.load (local.get $w)))
    (local.set $c21 (v128.load offset=16 (local.get $w)))
    (local.set $w (i32.add (local.get $w) (local.get $ldc)))
    (local.set $c30 (v128.load (local.get $w)))
    (local.set $c31 (v128.load offset=16 (local.get $w)))
    (loop $depth
      (local.set $b0 (v128.load (local.get $b)))
      (local.set $b1 (v128.load offset=16 (local.get $b)))
      (local.set $x (v128.load64_splat (local.get $a)))
      (local.set $c00 (f64x2.add (local.get $c00) (f64x2.mul (local.get $x) (local.get $b0))))
      (local.set $c01 (f64x2.add (local.get $c01) (f64x2.mul (local.get $x) (local.get $b1))))
      (local.set $x (v128.load64_splat offset=8 (local.get $a)))
      (local.set $c10 (f64x2.add (local.get $c10) (f64x2.mul (local.get $x) (local.get $b0))))
      (local.set $c11 (f64x2.add (local.get $c11) (f64x2.mul (local.get $x) (local.get $b1))))
      (local.set $x (v128.load64_splat offset=16 (local.get $a)))
      (local.set $c20 (f64x2.add (local.get $c20) (f64x2.mul (local.get $x) (local.get $b0))))
      (local.set $c21 (f64x2.add (local.get $c21) (f64x2.mul (local.get $x) (local.get $b1))))
      (local.set $x (v128.load64_splat offset=24 (local.get $a)))
      (local.set $c30 (f64x2.add (local.get $c30) (f64x2.mul (local.get $x) (local.get $b0))))
      (local.set $c31 (f64x2.add (local.get $c31) (f64x2.mul (local.get $x) (local.get $b1))))
      (local.set $a (i32.add (local.get $a) (i32.const 32)))
      (local.set $b (i32.add (local.get $b) (i32.const 32)))
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

  ;; One 4×8 float32 tile: C[0..3][0..7] += Apanel(4×k) · Bpanel(k×8). k ≥ 1. Accumulates from C, as above.
  (func $tile_f32 (param $a i32) (param $b i32) (param $c i32) (param $k i32) (param $ldc i32)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128)
    (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128)
    (local $b0 v128) (local $b1 v128) (local $x v128) (local $w i32)
    (local.set $w (local.get $c))
    (local.set $c00 (v128.load (local.get $w)))
    (local.set $c01 (v128.load offset=16 (local.get $w)))
    (local.set $w (i32.add (local.get $w) (local.get $ldc)))
    (local.set $c10 (v128.load (local.get $w)))
    (local.set $c11 (v128.load offset=16 (local.get $w)))
    (local.set $w (i32.add (local.get $w) (local.get $ldc)))
    (local.set $c20 (v128.load (local.get $w)))
    (local.set $c21 (v128.load offset=16 (local.get $w)))
    (local.set $w (i32.add (local.get $w) (local.get $ldc)))
    (local.set $c30 (v128.load (local.get $w)))
    (local.set $c31 (v128.load offset=16 (local.get $w)))
    (loop $depth
      (local.set $b0 (v128.load (local.get $b)))
      (local.set $b1 (v128.load offset=16 (local.get $b)))
      (local.set $x (v128.load32_splat (local.get $a)))
      (local.set $c00 (f32x4.add (local.get $c00) (f32x4.mul (local.get $x) (local.get $b0))))
      (local.set $c01 (f32x4.add (local.get $c01) (f32x4.mul (local.get $x) (local.get $b1))))
      (local.set $x (v128.load32_splat offset=4 (local.get $a)))
      (local.set $c10 (f32x4.add (local.get $c10) (f32x4.mul (local.get $x) (local.get $b0))))
      (local.set $c11 (f32x4.add (local.get $c11) (f32x4.mul (local.get $x) (local.get $b1))))
      (local.set $x (v128.load32_splat offset=8 (local.get $a)))
      (local.set $c20 (f32x4.add (local.get $c20) (f32x4.mul (local.get $x) (local.get $b0))))
      (local.set $c21 (f32x4.add (local.get $c21) (f32x4.mul (local.get $x) (local.get $b1))))
      (local.set $x (v128.load32_splat offset=12 (local.get $a)))
      (local.set $c30 (f32x4.add (local.get $c30) (f32x4.mul (local.get $x) (local.get $b0))))
      (local.set $c31 (f32x4.add (local.get $c31) (f32x4.mul (local.get $x) (local.get $b1))))
      (local.set $a (i32.add (local.get $a) (i32.const 16)))
      (local.set $b (i32.add (local.get $b) (i32.const 32)))
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

  ;; C(mp·4 × np·4) += A·B over packed float64 panels; `k` ≥ 1, `kc` and `mcp` ≥ 1.
  (func (export "gemm_f64")
    (param $mp i32) (param $np i32) (param $k i32) (param $a i32) (param $b i32) (param $c i32)
    (param $ldc i32) (param $kc i32) (param $mcp i32)
    (local $pc i32) (local $kb i32) (local $ic i32) (local $ie i32) (local $jp i32) (local $ip i32)
    (local $panel i32)
    (local.set $panel (i32.shl (local.get $k) (i32.const 5)))
    (loop $depthBlocks
      (local.set $kb (select (local.get $kc) (i32.sub (local.get $k) (local.get $pc))
        (i32.lt_u (local.get $kc) (i32.sub (local.get $k) (local.get $pc)))))
      (local.set $ic (i32.const 0))
      (loop $rowBlocks
        (local.set $ie (select (i32.add (local.get $ic) (local.get $mcp)) (local.get $mp)
          (i32.lt_u (i32.add (local.get $ic) (local.get $mcp)) (local.get $mp))))
        (local.set $jp (i32.const 0))
        (loop $columns
          (local.set $ip (local.get $ic))
          (loop $rows
            (call $tile_f64
              (i32.add (i32.add (local.get $a) (i32.mul (local.get $ip) (local.get $panel)))
                (i32.shl (local.get $pc) (i32.const 5)))
              (i32.add (i32.add (local.get $b) (i32.mul (local.get $jp) (local.get $panel)))
                (i32.shl (local.get $pc) (i32.const 5)))
              (i32.add (i32.add (local.get $c) (i32.mul (i32.shl (local.get $ip) (i32.const 2)) (local.get $ldc)))
                (i32.shl (local.get $jp) (i32.const 5)))
              (local.get $kb) (local.get $ldc))
            (br_if $rows (i32.lt_u (local.tee $ip (i32.add (local.get $ip) (i32.const 1))) (local.get $ie))))
          (br_if $columns (i32.lt_u (local.tee $jp (i32.add (local.get $jp) (i32.const 1))) (local.get $np))))
        (br_if $rowBlocks (i32.lt_u (local.tee $ic (local.get $ie)) (local.get $mp))))
      (br_if $depthBlocks (i32.lt_u (local.tee $pc (i32.add (local.get $pc) (local.get $kb))) (local.get $k)))))

  ;; C(mp·4 × np·8) += A·B over packed float32 panels; `k` ≥ 1, `kc` and `mcp` ≥ 1.
  (func (export "gemm_f32")
    (param $mp i32) (param $np i32) (param $k i32) (param $a i32) (param $b i32) (param $c i32)
    (param $ldc i32) (param $kc i32) (param $mcp i32)
    (local $pc i32) (local $kb i32) (local $ic i32) (local $ie i32) (local $jp i32) (local $ip i32)
    (local $panelA i32) (local $panelB i32)
    (local.set $panelA (i32.shl (local.get $k) (i32.const 4)))
    (local.set $panelB (i32.shl (local.get $k) (i32.const 5)))
    (loop $depthBlocks
      (local.set $kb (select (local.get $kc) (i32.sub (local.get $k) (local.get $pc))
        (i32.lt_u (local.get $kc) (i32.sub (local.get $k) (local.get $pc)))))
      (local.set $ic (i32.const 0))
      (loop $rowBlocks
        (local.set $ie (select (i32.add (local.get $ic) (local.get $mcp)) (local.get $mp)
          (i32.lt_u (i32.add (local.get $ic) (local.get $mcp)) (local.get $mp))))
        (local.set $jp (i32.const 0))
        (loop $columns
          (local.set $ip (local.get $ic))
          (loop $rows
            (call $tile_f32
              (i32.add (i32.add (local.get $a) (i32.mul (local.get $ip) (local.get $panelA)))
                (i32.shl (local.get $pc) (i32.const 4)))
              (i32.add (i32.add (local.get $b) (i32.mul (local.get $jp) (local.get $panelB)))
                (i32.shl (local.get $pc) (i32.const 5)))
              (i32.add (i32.add (local.get $c) (i32.mul (i32.shl (local.get $ip) (i32.const 2)) (local.get $ldc)))
                (i32.shl (local.get $jp) (i32.const 5)))
              (local.get $kb) (local.get $ldc))
            (br_if $rows (i32.lt_u (local.tee $ip (i32.add (local.get $ip) (i32.const 1))) (local.get $ie))))
          (br_if $columns (i32.lt_u (local.tee $jp (i32.add (local.get $jp) (i32.const 1))) (local.get $np))))
        (br_if $rowBlocks (i32.lt_u (local.tee $ic (local.get $ie)) (local.get $mp))))
      (br_if $depthBlocks (i32.lt_u (local.tee $pc (i32.add (local.get $pc) (local.get $kb))) (local.get $k)))))

  ;; Packs 64-bit elements for the threaded product: panel q, depth step p, lane r of `target` is
  ;; source[across[q·width + r] + along[p]] (element offsets read from i32 tables), or zero past `lanes`.
  ;; `lanes`, `depth` and `width` ≥ 1; addresses in bytes.
  (func (export "pack_64")
    (param $target i32) (param $source i32) (param $across i32) (param $lanes i32) (param $along i32)
    (param $depth i32) (param $width i32)
    (local $first i32) (local $p i32) (local $r i32) (local $lane i32) (local $offset i32)
    (loop $panels
      (local.set $p (i32.const 0))
      (loop $steps
        (local.set $offset (i32.load (i32.add (local.get $along) (i32.shl (local.get $p) (i32.const 2)))))
        (local.set $r (i32.const 0))
        (loop $lanesOfPanel
          (local.set $lane (i32.add (local.get $first) (local.get $r)))
          (i64.store (local.get $target)
            (if (result i64) (i32.lt_u (local.get $lane) (local.get $lanes))
              (then
                (i64.load (i32.add (local.get $source)
                  (i32.shl
                    (i32.add (i32.load (i32.add (local.get $across) (i32.shl (local.get $lane) (i32.const 2))))
                      (local.get $offset))
                    (i32.const 3)))))
              (else (i64.const 0))))
          (local.set $target (i32.add (local.get $target) (i32.const 8)))
          (br_if $lanesOfPanel (i32.lt_u (local.tee $r (i32.add (local.get $r) (i32.const 1))) (local.get $width))))
        (br_if $steps (i32.lt_u (local.tee $p (i32.add (local.get $p) (i32.const 1))) (local.get $depth))))
      (br_if $panels (i32.lt_u (local.tee $first (i32.add (local.get $first) (local.get $width))) (local.get $lanes)))))

  ;; Packs 32-bit elements for the threaded product: panel q, depth step p, lane r of `target` is
  ;; source[across[q·width + r] + along[p]] (element offsets read from i32 tables), or zero past `lanes`.
  ;; `lanes`, `depth` and `width` ≥ 1; addresses in bytes.
  (func (export "pack_32")
    (param $target i32) (param $source i32) (param $across i32) (param $lanes i32) (param $along i32)
    (param $depth i32) (param $width i32)
    (local $first i32) (local $p i32) (local $r i32) (local $lane i32) (local $offset i32)
    (loop $panels
      (local.set $p (i32.const 0))
      (loop $steps
        (local.set $offset (i32.load (i32.add (local.get $along) (i32.shl (local.get $p) (i32.const 2)))))
        (local.set $r (i32.const 0))
        (loop $lanesOfPanel
          (local.set $lane (i32.add (local.get $first) (local.get $r)))
          (i32.store (local.get $target)
            (if (result i32) (i32.lt_u (local.get $lane) (local.get $lanes))
              (then
                (i32.load (i32.add (local.get $source)
                  (i32.shl
                    (i32.add (i32.load (i32.add (local.get $across) (i32.shl (local.get $lane) (i32.const 2))))
                      (local.get $offset))
                    (i32.const 2)))))
              (else (i32.const 0))))
          (local.set $target (i32.add (local.get $target) (i32.const 4)))
          (br_if $lanesOfPanel (i32.lt_u (local.tee $r (i32.add (local.get $r) (i32.const 1))) (local.get $width))))
        (br_if $steps (i32.lt_u (local.tee $p (i32.add (local.get $p) (i32.const 1))) (local.get $depth))))
      (br_if $panels (i32.lt_u (local.tee $first (i32.add (local.get $first) (local.get $width))) (local.get $lanes)))))

  ;; Writes the m×n block at `buffer` (64-bit elements, `ldc` bytes between rows) to
  ;; target[rows[i] + cols[j]] (element offsets read from i32 tables). `m`, `n` ≥ 1; addresses in bytes.
  (func (export "unpack_64")
    (param $target i32) (param $rows i32) (param $m i32) (param $cols i32) (param $n i32) (param $buffer i32)
    (param $ldc i32)
    (local $i i32) (local $j i32) (local $row i32) (local $read i32)
    (loop $rowsOfBlock
      (local.set $row (i32.load (i32.add (local.get $rows) (i32.shl (local.get $i) (i32.const 2)))))
      (local.set $read (i32.add (local.get $buffer) (i32.mul (local.get $i) (local.get $ldc))))
      (local.set $j (i32.const 0))
      (loop $colsOfRow
        (i64.store
          (i32.add (local.get $target)
            (i32.shl
              (i32.add (local.get $row) (i32.load (i32.add (local.get $cols) (i32.shl (local.get $j) (i32.const 2)))))
              (i32.const 3)))
          (i64.load (local.get $read)))
        (local.set $read (i32.add (local.get $read) (i32.const 8)))
        (br_if $colsOfRow (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 1))) (local.get $n))))
      (br_if $rowsOfBlock (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $m)))))

  ;; Writes the m×n block at `buffer` (32-bit elements, `ldc` bytes between rows) to
  ;; target[rows[i] + cols[j]] (element offsets read from i32 tables). `m`, `n` ≥ 1; addresses in bytes.
  (func (export "unpack_32")
    (param $target i32) (param $rows i32) (param $m i32) (param $cols i32) (param $n i32) (param $buffer i32)
    (param $ldc i32)
    (local $i i32) (local $j i32) (local $row i32) (local $read i32)
    (loop $rowsOfBlock
      (local.set $row (i32.load (i32.add (local.get $rows) (i32.shl (local.get $i) (i32.const 2)))))
      (local.set $read (i32.add (local.get $buffer) (i32.mul (local.get $i) (local.get $ldc))))
      (local.set $j (i32.const 0))
      (loop $colsOfRow
        (i32.store
          (i32.add (local.get $target)
            (i32.shl
              (i32.add (local.get $row) (i32.load (i32.add (local.get $cols) (i32.shl (local.get $j) (i32.const 2)))))
              (i32.const 2)))
          (i32.load (local.get $read)))
        (local.set $read (i32.add (local.get $read) (i32.const 4)))
        (br_if $colsOfRow (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 1))) (local.get $n))))
      (br_if $rowsOfBlock (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $m)))))
)
