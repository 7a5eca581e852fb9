import{a as e,l as t,p as n,r,t as i,u as a}from"./jsx-runtime-CXqrrld7.js";import{E as o,h as s,k as c,t as l,w as u,x as d,y as f}from"./index-D6nKLD1m.js";var p=(function(){var e={alias:null,args:null,kind:`ScalarField`,name:`id`,storageKey:null},t={alias:null,args:null,kind:`ScalarField`,name:`name`,storageKey:null},n={alias:null,args:null,kind:`ScalarField`,name:`role`,storageKey:null},r={alias:null,args:null,kind:`ScalarField`,name:`code`,storageKey:null},i={alias:null,args:null,concreteType:`CostCenter`,kind:`LinkedField`,name:`costCenter`,plural:!1,selections:[r],storageKey:null},a=[{kind:`Literal`,name:`first`,value:200},{kind:`Literal`,name:`orderBy`,value:{direction:`ASC`,field:`CREATED_AT`}},{kind:`Literal`,name:`where`,value:{awaitingApproval:!0,status:`PENDING`}}],o={alias:null,args:null,kind:`ScalarField`,name:`totalCount`,storageKey:null},s={alias:null,args:null,kind:`ScalarField`,name:`createdAt`,storageKey:null},c={alias:null,args:null,kind:`ScalarField`,name:`duration`,storageKey:null},l={alias:null,args:null,kind:`ScalarField`,name:`note`,storageKey:null},u={alias:null,args:null,concreteType:`RequestedLine`,kind:`LinkedField`,name:`requested`,plural:!0,selections:[{alias:null,args:null,kind:`ScalarField`,name:`sku`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`quantity`,storageKey:null}],storageKey:null},d={alias:null,args:null,kind:`ScalarField`,name:`email`,storageKey:null},f={alias:null,args:null,kind:`ScalarField`,name:`by`,storageKey:null},p={alias:null,args:null,kind:`ScalarField`,name:`mayDecide`,storageKey:null},m={alias:null,args:null,concreteType:`Lease`,kind:`LinkedField`,name:`lease`,plural:!1,selections:[e,{alias:null,args:null,kind:`ScalarField`,name:`endsAt`,storageKey:null},u],storageKey:null},h={alias:null,args:null,concreteType:`CostCenter`,kind:`LinkedField`,name:`costCenter`,plural:!1,selections:[r,e],storageKey:null};return{fragment:{argumentDefinitions:[],kind:`Fragment`,metadata:null,name:`ApprovalsQuery`,selections:[{alias:null,args:null,concreteType:`User`,kind:`LinkedField`,name:`viewer`,plural:!1,selections:[e,t,n,i],storageKey:null},{alias:`pending`,args:a,concreteType:`LeaseConnection`,kind:`LinkedField`,name:`leases`,plural:!1,selections:[o,{alias:null,args:null,concreteType:`LeaseEdge`,kind:`LinkedField`,name:`edges`,plural:!0,selections:[{alias:null,args:null,concreteType:`Lease`,kind:`LinkedField`,name:`node`,plural:!1,selections:[e,s,c,l,u,{alias:null,args:null,concreteType:`User`,kind:`LinkedField`,name:`owner`,plural:!1,selections:[e,t,d,i],storageKey:null}],storageKey:null}],storageKey:null}],storageKey:`leases(first:200,orderBy:{"direction":"ASC","field":"CREATED_AT"},where:{"awaitingApproval":true,"status":"PENDING"})`},{alias:null,args:null,concreteType:`ExtensionRequest`,kind:`LinkedField`,name:`extensionRequests`,plural:!0,selections:[e,f,s,p,{alias:null,args:null,concreteType:`User`,kind:`LinkedField`,name:`requester`,plural:!1,selections:[e,t,i],storageKey:null},m],storageKey:null}],type:`Query`,abstractKey:null},kind:`Request`,operation:{argumentDefinitions:[],kind:`Operation`,name:`ApprovalsQuery`,selections:[{alias:null,args:null,concreteType:`User`,kind:`LinkedField`,name:`viewer`,plural:!1,selections:[e,t,n,h],storageKey:null},{alias:`pending`,args:a,concreteType:`LeaseConnection`,kind:`LinkedField`,name:`leases`,plural:!1,selections:[o,{alias:null,args:null,concreteType:`LeaseEdge`,kind:`LinkedField`,name:`edges`,plural:!0,selections:[{alias:null,args:null,concreteType:`Lease`,kind:`LinkedField`,name:`node`,plural:!1,selections:[e,s,c,l,u,{alias:null,args:null,concreteType:`User`,kind:`LinkedField`,name:`owner`,plural:!1,selections:[e,t,d,h],storageKey:null}],storageKey:null}],storageKey:null}],storageKey:`leases(first:200,orderBy:{"direction":"ASC","field":"CREATED_AT"},where:{"awaitingApproval":true,"status":"PENDING"})`},{alias:null,args:null,concreteType:`ExtensionRequest`,kind:`LinkedField`,name:`extensionRequests`,plural:!0,selections:[e,f,s,p,{alias:null,args:null,concreteType:`User`,kind:`LinkedField`,name:`requester`,plural:!1,selections:[e,t,h],storageKey:null},m],storageKey:null}]},params:{cacheID:`34f0fc8ac8f0b16be35d20ddd0e98e2b`,id:null,metadata:{},name:`ApprovalsQuery`,operationKind:`query`,text:`query ApprovalsQuery {
  viewer {
    id
    name
    role
    costCenter {
      code
      id
    }
  }
  pending: leases(first: 200, where: {status: PENDING, awaitingApproval: true}, orderBy: {field: CREATED_AT, direction: ASC}) {
    totalCount
    edges {
      node {
        id
        createdAt
        duration
        note
        requested {
          sku
          quantity
        }
        owner {
          id
          name
          email
          costCenter {
            code
            id
          }
        }
      }
    }
  }
  extensionRequests {
    id
    by
    createdAt
    mayDecide
    requester {
      id
      name
      costCenter {
        code
        id
      }
    }
    lease {
      id
      endsAt
      requested {
        sku
        quantity
      }
    }
  }
}
`}}})();p.hash=`a5bd97772a50dbf70810c06d5fd4ce87`;var m=(function(){var e=[{alias:null,args:null,concreteType:`LeaseEvent`,kind:`LinkedField`,name:`leaseEvents`,plural:!1,selections:[{alias:null,args:null,kind:`ScalarField`,name:`kind`,storageKey:null},{alias:null,args:null,concreteType:`Lease`,kind:`LinkedField`,name:`lease`,plural:!1,selections:[{alias:null,args:null,kind:`ScalarField`,name:`id`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`status`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`awaitingApproval`,storageKey:null}],storageKey:null}],storageKey:null}];return{fragment:{argumentDefinitions:[],kind:`Fragment`,metadata:null,name:`ApprovalsSubscription`,selections:e,type:`Subscription`,abstractKey:null},kind:`Request`,operation:{argumentDefinitions:[],kind:`Operation`,name:`ApprovalsSubscription`,selections:e},params:{cacheID:`caca871ca1b5cfab625fbcf264602a4c`,id:null,metadata:{},name:`ApprovalsSubscription`,operationKind:`subscription`,text:`subscription ApprovalsSubscription {
  leaseEvents {
    kind
    lease {
      id
      status
      awaitingApproval
    }
  }
}
`}}})();m.hash=`784f4eb9ea053f829b5fc83356bf77a6`;var h=n(),g=i(),_=p,v=m;function y(){let n=(0,e.default)(_,{},{fetchPolicy:`store-and-network`});o(n.viewer);let i=(0,t.default)(),[p,m]=(0,h.useState)({}),y=(0,h.useCallback)(()=>(0,r.fetchQuery)(i,_,{},{fetchPolicy:`network-only`}).subscribe({}),[i]),b=(0,h.useMemo)(()=>({subscription:v,variables:{},onNext:e=>(e?.leaseEvents.lease.awaitingApproval||e?.leaseEvents.kind.startsWith(`EXTENSION`))&&y()}),[y]);(0,a.default)(b);let x=(n.pending.edges??[]).flatMap(e=>e?.node?[e.node]:[]),[S,C]=(0,h.useState)([]),w=n.extensionRequests.filter(e=>e.mayDecide&&!S.some(t=>t.id===e.id)),T=[...S,...w],E=x.filter(e=>!p[e.id]).length+T.filter(e=>!p[e.id]).length;return(0,g.jsxs)(`section`,{children:[(0,g.jsxs)(`div`,{className:`page-head`,children:[(0,g.jsx)(`h1`,{children:`Approvals`}),(0,g.jsxs)(`p`,{className:`muted`,children:[E,` awaiting a decision · live`]})]}),(0,g.jsx)(`h2`,{children:`Leases awaiting approval`}),x.length===0?(0,g.jsx)(u,{children:`Nothing is waiting for you.`}):(0,g.jsx)(`ul`,{className:`leases`,"aria-label":`Leases awaiting approval`,children:x.map(e=>(0,g.jsxs)(`li`,{className:`card`,"data-lease":e.id,children:[(0,g.jsxs)(`div`,{className:`card-head`,children:[(0,g.jsxs)(c,{to:`/leases/${e.id}`,className:`card-title`,children:[e.requested.map(e=>`${e.quantity} × ${e.sku}`).join(`, `),` for `,f(d(e.duration))]}),(0,g.jsxs)(`span`,{className:`muted`,children:[`asked `,(0,g.jsx)(s,{value:e.createdAt})]})]}),(0,g.jsxs)(`p`,{className:`meta`,children:[(0,g.jsxs)(`span`,{children:[`by `,(0,g.jsx)(`strong`,{children:e.owner.name}),e.owner.costCenter?` (${e.owner.costCenter.code})`:``]}),e.note&&(0,g.jsxs)(`span`,{children:[`“`,e.note,`”`]})]}),p[e.id]?(0,g.jsx)(`p`,{className:`ok`,role:`status`,children:p[e.id]}):(0,g.jsx)(l,{leaseId:e.id,onDecided:(t,n)=>{m(r=>({...r,[e.id]:t===`approved`?n?`Approved, but the dispenser refused: ${n}`:`Approved: it is being vended.`:`Rejected: ${n}`}))}})]},e.id))}),(0,g.jsx)(`h2`,{children:`Extension requests`}),T.length===0?(0,g.jsx)(u,{children:`No extension is waiting for you.`}):(0,g.jsx)(`ul`,{className:`leases`,"aria-label":`Extension requests`,children:T.map(e=>(0,g.jsxs)(`li`,{className:`card`,"data-extension-request":e.id,children:[(0,g.jsxs)(`div`,{className:`card-head`,children:[(0,g.jsxs)(c,{to:`/leases/${e.lease.id}`,className:`card-title`,children:[`Extend lease `,e.lease.id,` (`,e.lease.requested.map(e=>`${e.quantity} × ${e.sku}`).join(`, `),`) by `,f(d(e.by))]}),(0,g.jsxs)(`span`,{className:`muted`,children:[`asked `,(0,g.jsx)(s,{value:e.createdAt})]})]}),(0,g.jsxs)(`p`,{className:`meta`,children:[(0,g.jsxs)(`span`,{children:[`by `,(0,g.jsx)(`strong`,{children:e.requester.name}),e.requester.costCenter?` (${e.requester.costCenter.code})`:``]}),(0,g.jsxs)(`span`,{children:[`now ends `,(0,g.jsx)(s,{value:e.lease.endsAt})]})]}),p[e.id]?(0,g.jsx)(`p`,{className:`ok`,role:`status`,children:p[e.id]}):(0,g.jsx)(l,{kind:`extension`,leaseId:e.id,onDecided:(t,n)=>{C(t=>[...t,e]),m(r=>({...r,[e.id]:t===`approved`?`Approved: the lease runs longer.`:`Rejected: ${n}`}))}})]},e.id))})]})}export{y as default};