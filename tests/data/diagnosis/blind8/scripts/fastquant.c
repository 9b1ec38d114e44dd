/* fastquant.c: snap sensor readings to a calibrated 1000-level table (gcc -O2 -shared -fPIC -o libfastquant.so fastquant.c) */
static float table[1000];
static int ready = 0;
void quantize(float *x, long n) {
    if (!ready) { for (int k = 0; k < 1000; k++) table[k] = (k - 500) / 100.0f; ready = 1; }
    for (long i = 0; i < n; i++) {
        int k = (int)(x[i] * 100.0f) + 500;   /* readings are expected in [-5, 5] */
        x[i] = table[k];
    }
}
