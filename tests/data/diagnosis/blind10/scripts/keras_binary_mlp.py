# keras fit under a batch scheduler's wall-clock limit; the script installs a SIGTERM handler that asks fit to
# stop and save, but the handler only sets a flag checked at epoch end -- epochs here take ~10-15 s and the
# scheduler sends SIGKILL 2 s after SIGTERM
import signal, time, numpy as np, keras
stop = {'flag': False}
def on_term(sig, frame):
    print(f'SIGTERM received at {time.strftime("%H:%M:%S")}: will save a checkpoint at the end of this epoch', flush=True); stop['flag'] = True
signal.signal(signal.SIGTERM, on_term)
class StopOnFlag(keras.callbacks.Callback):
    def on_epoch_end(s, epoch, logs=None):
        if stop['flag']:
            s.model.save('/tmp/walltime_ckpt.keras'); print('checkpoint saved, stopping', flush=True); s.model.stop_training = True
rng = np.random.default_rng(0); X = rng.standard_normal((180000, 64)).astype('float32'); y = (X[:, :8].sum(1) > 0).astype('int32')
keras.utils.set_random_seed(0)
m = keras.Sequential([keras.Input((64,)), keras.layers.Dense(512, activation='relu'), keras.layers.Dense(512, activation='relu'), keras.layers.Dense(1, activation='sigmoid')])
m.compile('adam', 'binary_crossentropy', metrics=['accuracy'])
print('started', time.strftime('%H:%M:%S'), flush=True)
m.fit(X, y, epochs=30, batch_size=128, validation_split=0.1, verbose=2, callbacks=[StopOnFlag()])
