import sys,re,collections
# fold2.py stacks ROOT SKIPREGEX : group by the first frame below ROOT not matching SKIP, then the next 2
root=re.compile(sys.argv[2]); skip=re.compile(sys.argv[3]); depth=int(sys.argv[4]) if len(sys.argv)>4 else 1
stacks=[];cur=[]
for line in open(sys.argv[1]):
    line=line.strip()
    if not line:
        if cur: stacks.append(cur); cur=[]
        continue
    parts=line.split(None,1)
    cur.append(parts[1] if len(parts)>1 else '?')
if cur: stacks.append(cur)
total=len(stacks); c=collections.Counter(); n=0
for s in stacks:
    for i in range(len(s)-1,-1,-1):
        if root.search(s[i]):
            n+=1
            below=[x for x in reversed(s[:i]) if not skip.search(x)]
            key=' < '.join(x.replace('github.com/byline/byline/','').replace('modernc.org/sqlite/lib.','')[-50:] for x in below[:depth]) or '(self)'
            c[key]+=1
            break
print("total",total,"matched",n, "%.1f%%"%(100*n/total))
for k,v in c.most_common(int(sys.argv[5]) if len(sys.argv)>5 else 30): print("%5.1f%% %s"%(100*v/total,k))
