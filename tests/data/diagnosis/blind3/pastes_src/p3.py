P = {}
P["paste_apex_o1_scale_to_half"] = dict(url="https://github.com/NVIDIA/apex/issues/834", argv=[], trimmed="the stored excerpt ends inside the line after 'reducing loss scale to 0.5'; kept up to the last complete line", text="""Gradient overflow.  Skipping step, loss scaler 0 reducing loss scale to 32768.0
Gradient overflow.  Skipping step, loss scaler 0 reducing loss scale to 16384.0
Gradient overflow.  Skipping step, loss scaler 0 reducing loss scale to 8192.0
Gradient overflow.  Skipping step, loss scaler 0 reducing loss scale to 4096.0
Gradient overflow.  Skipping step, loss scaler 0 reducing loss scale to 2048.0
Gradient overflow.  Skipping step, loss scaler 0 reducing loss scale to 1024.0
Gradient overflow.  Skipping step, loss scaler 0 reducing loss scale to 512.0
Gradient overflow.  Skipping step, loss scaler 0 reducing loss scale to 256.0
Gradient overflow.  Skipping step, loss scaler 0 reducing loss scale to 128.0
Gradient overflow.  Skipping step, loss scaler 0 reducing loss scale to 64.0
Gradient overflow.  Skipping step, loss scaler 0 reducing loss scale to 32.0
Gradient overflow.  Skipping step, loss scaler 0 reducing loss scale to 16.0
Gradient overflow.  Skipping step, loss scaler 0 reducing loss scale to 8.0
Gradient overflow.  Skipping step, loss scaler 0 reducing loss scale to 4.0
Gradient overflow.  Skipping step, loss scaler 0 reducing loss scale to 2.0
Gradient overflow.  Skipping step, loss scaler 0 reducing loss scale to 1.0
Gradient overflow.  Skipping step, loss scaler 0 reducing loss scale to 0.5
""")
P["paste_minimind_pretrain_epoch0_healthy"] = dict(url="https://github.com/jingyaogong/minimind/issues/26", argv=[], trimmed="the poster's notes and the ```log fence; the stored excerpt ends inside the step 1900 line, kept up to step 1800", text="""Epoch:[0/19](0/24681) loss:8.863 lr:0.00020000 epoch_Time:372.0min:
Epoch:[0/19](100/24681) loss:5.251 lr:0.00020000 epoch_Time:98.0min:
Epoch:[0/19](200/24681) loss:4.716 lr:0.00020000 epoch_Time:96.0min:
Epoch:[0/19](300/24681) loss:4.324 lr:0.00020000 epoch_Time:94.0min:
Epoch:[0/19](400/24681) loss:4.061 lr:0.00020000 epoch_Time:93.0min:
Epoch:[0/19](500/24681) loss:3.599 lr:0.00020000 epoch_Time:93.0min:
Epoch:[0/19](600/24681) loss:3.665 lr:0.00020000 epoch_Time:92.0min:
Epoch:[0/19](700/24681) loss:3.460 lr:0.00020000 epoch_Time:92.0min:
Epoch:[0/19](800/24681) loss:3.517 lr:0.00020000 epoch_Time:91.0min:
Epoch:[0/19](900/24681) loss:3.360 lr:0.00020000 epoch_Time:91.0min:
Epoch:[0/19](1000/24681) loss:3.225 lr:0.00020000 epoch_Time:91.0min:
Epoch:[0/19](1100/24681) loss:2.948 lr:0.00020000 epoch_Time:90.0min:
Epoch:[0/19](1200/24681) loss:2.979 lr:0.00020000 epoch_Time:90.0min:
Epoch:[0/19](1300/24681) loss:3.064 lr:0.00020000 epoch_Time:90.0min:
Epoch:[0/19](1400/24681) loss:2.871 lr:0.00020000 epoch_Time:88.0min:
Epoch:[0/19](1500/24681) loss:2.802 lr:0.00020000 epoch_Time:88.0min:
Epoch:[0/19](1600/24681) loss:2.510 lr:0.00019999 epoch_Time:87.0min:
Epoch:[0/19](1700/24681) loss:2.733 lr:0.00019999 epoch_Time:87.0min:
Epoch:[0/19](1800/24681) loss:2.589 lr:0.00019999 epoch_Time:87.0min:
""")
P["paste_baadd_nan_percent_std_healthy"] = dict(url="https://github.com/liuyugeng/baadd/issues/8", argv=[], trimmed="the stored excerpt starts mid-table ('step 30' train row) and ends inside the epoch 7 line; kept up to epoch 6", text="""2024-12-22 21:00:15 [INFO ]  \t     step 30 (lr=0.0010)           9.0820 ±  nan%            2.3093 ±  nan
2024-12-22 21:00:15 [INFO ]  
2024-12-22 21:00:15 [INFO ]  Begin of epoch 0  (1 same_as_train nets) test results: 
2024-12-22 21:00:15 [INFO ]  \t          STEP                   ACCURACY                   LOSS          
2024-12-22 21:00:15 [INFO ]  \t            before steps           0.0000 ±  nan%            2.3818 ±  nan
2024-12-22 21:00:15 [INFO ]  \t     step 30 (lr=0.0010)           1.6602 ±  nan%            2.3966 ±  nan
2024-12-22 21:00:15 [INFO ]  
2024-12-22 21:00:16 [INFO ]  Epoch:    0 [      0/  50000 ( 0%)]\tLoss: 2.3174\tData Time: 0.33s\tTrain Time: 0.68s
2024-12-22 21:00:39 [INFO ]  Epoch:    1 [      0/  50000 ( 0%)]\tLoss: 2.2168\tData Time: 0.05s\tTrain Time: 0.45s
2024-12-22 21:01:03 [INFO ]  Epoch:    2 [      0/  50000 ( 0%)]\tLoss: 2.0350\tData Time: 0.04s\tTrain Time: 0.45s
2024-12-22 21:01:25 [INFO ]  Epoch:    3 [      0/  50000 ( 0%)]\tLoss: 1.8986\tData Time: 0.04s\tTrain Time: 0.43s
2024-12-22 21:01:48 [INFO ]  Epoch:    4 [      0/  50000 ( 0%)]\tLoss: 1.8602\tData Time: 0.04s\tTrain Time: 0.44s
2024-12-22 21:02:11 [INFO ]  Epoch:    5 [      0/  50000 ( 0%)]\tLoss: 1.7538\tData Time: 0.05s\tTrain Time: 0.42s
2024-12-22 21:02:46 [INFO ]  Epoch:    6 [      0/  50000 ( 0%)]\tLoss: 1.7302\tData Time: 0.04s\tTrain Time: 0.43s
""")
