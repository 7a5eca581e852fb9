import{i as e,n as t,t as n}from"./jsx-runtime-D86ktWoZ.js";import{a as r,g as i,h as a,m as o}from"./index-VAyfI4CW.js";var s=(function(){var e={alias:null,args:null,kind:`ScalarField`,name:`id`,storageKey:null},t={alias:null,args:null,kind:`ScalarField`,name:`name`,storageKey:null},n={alias:null,args:null,kind:`ScalarField`,name:`role`,storageKey:null},r={alias:null,args:null,kind:`ScalarField`,name:`code`,storageKey:null},i={alias:null,args:null,concreteType:`SchedulerJob`,kind:`LinkedField`,name:`schedulerJobs`,plural:!0,selections:[t,{alias:null,args:null,kind:`ScalarField`,name:`schedule`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`lastRunStartedAt`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`lastRunCompletedAt`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`nextRun`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`lastError`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`running`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`lastRunReplica`,storageKey:null}],storageKey:null};return{fragment:{argumentDefinitions:[],kind:`Fragment`,metadata:null,name:`JobsQuery`,selections:[{alias:null,args:null,concreteType:`User`,kind:`LinkedField`,name:`viewer`,plural:!1,selections:[e,t,n,{alias:null,args:null,concreteType:`CostCenter`,kind:`LinkedField`,name:`costCenter`,plural:!1,selections:[r],storageKey:null}],storageKey:null},i],type:`Query`,abstractKey:null},kind:`Request`,operation:{argumentDefinitions:[],kind:`Operation`,name:`JobsQuery`,selections:[{alias:null,args:null,concreteType:`User`,kind:`LinkedField`,name:`viewer`,plural:!1,selections:[e,t,n,{alias:null,args:null,concreteType:`CostCenter`,kind:`LinkedField`,name:`costCenter`,plural:!1,selections:[r,e],storageKey:null}],storageKey:null},i]},params:{cacheID:`1acf45bcfef3fc6e9af4b72179678d22`,id:null,metadata:{},name:`JobsQuery`,operationKind:`query`,text:`query JobsQuery {
  viewer {
    id
    name
    role
    costCenter {
      code
      id
    }
  }
  schedulerJobs {
    name
    schedule
    lastRunStartedAt
    lastRunCompletedAt
    nextRun
    lastError
    running
    lastRunReplica
  }
}
`}}})();s.hash=`f334b8f846ca090860b334a221d06928`;var c=(function(){var e=[{defaultValue:null,kind:`LocalArgument`,name:`name`}],t=[{alias:null,args:[{kind:`Variable`,name:`name`,variableName:`name`}],concreteType:`SchedulerJob`,kind:`LinkedField`,name:`runJob`,plural:!1,selections:[{alias:null,args:null,kind:`ScalarField`,name:`name`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`lastRunStartedAt`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`lastRunCompletedAt`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`lastError`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`running`,storageKey:null}],storageKey:null}];return{fragment:{argumentDefinitions:e,kind:`Fragment`,metadata:null,name:`JobsRunMutation`,selections:t,type:`Mutation`,abstractKey:null},kind:`Request`,operation:{argumentDefinitions:e,kind:`Operation`,name:`JobsRunMutation`,selections:t},params:{cacheID:`2aec171a33fa65f57f5a0400688afdfa`,id:null,metadata:{},name:`JobsRunMutation`,operationKind:`mutation`,text:`mutation JobsRunMutation(
  $name: String!
) {
  runJob(name: $name) {
    name
    lastRunStartedAt
    lastRunCompletedAt
    lastError
    running
  }
}
`}}})();c.hash=`c546a465ddb5b1b934c7755ac6fbe2b5`;var l=e(),u=t(),d=n(),f=s,p=c;function m(){let e=(0,u.useLazyLoadQuery)(f,{},{fetchPolicy:`store-and-network`});i(e.viewer);let t=(0,u.useRelayEnvironment)(),[n]=(0,u.useMutation)(p),[s,c]=(0,l.useState)(null),[m,h]=(0,l.useState)(null),[g,_]=(0,l.useState)(null),v=e=>{c(e),h(null),_(null),n({variables:{name:e},onCompleted:n=>{c(null),_(n.runJob.lastError?`${e} ran and failed: ${n.runJob.lastError}`:`${e} ran.`),(0,u.fetchQuery)(t,f,{},{fetchPolicy:`network-only`}).subscribe({})},onError:e=>{c(null),h(e)}})};return(0,d.jsxs)(`section`,{children:[(0,d.jsxs)(`div`,{className:`page-head`,children:[(0,d.jsx)(`h1`,{children:`Scheduler jobs`}),(0,d.jsx)(`p`,{className:`muted`,children:`Times in your zone; hover for UTC.`})]}),(0,d.jsx)(a,{error:m}),g&&(0,d.jsx)(`p`,{className:`ok`,role:`status`,children:g}),e.schedulerJobs.length===0?(0,d.jsx)(o,{children:`This server runs no jobs (started with --no-scheduler).`}):(0,d.jsx)(`div`,{className:`table-wrap`,children:(0,d.jsxs)(`table`,{children:[(0,d.jsx)(`thead`,{children:(0,d.jsxs)(`tr`,{children:[(0,d.jsx)(`th`,{scope:`col`,children:`Job`}),(0,d.jsx)(`th`,{scope:`col`,children:`Schedule`}),(0,d.jsx)(`th`,{scope:`col`,children:`Last run`}),(0,d.jsx)(`th`,{scope:`col`,children:`Next run`}),(0,d.jsx)(`th`,{scope:`col`,children:`Last error`}),(0,d.jsx)(`th`,{scope:`col`,children:(0,d.jsx)(`span`,{className:`sr-only`,children:`Run`})})]})}),(0,d.jsx)(`tbody`,{children:e.schedulerJobs.map(e=>(0,d.jsxs)(`tr`,{"data-job":e.name,children:[(0,d.jsx)(`td`,{className:`mono`,children:e.name}),(0,d.jsx)(`td`,{className:`mono`,children:e.schedule}),(0,d.jsxs)(`td`,{children:[e.running?(0,d.jsx)(`span`,{className:`badge badge-pending`,children:`running`}):(0,d.jsx)(r,{value:e.lastRunCompletedAt??e.lastRunStartedAt,fallback:`never`}),e.lastRunReplica&&(0,d.jsx)(`div`,{className:`muted`,children:e.lastRunReplica})]}),(0,d.jsx)(`td`,{children:(0,d.jsx)(r,{value:e.nextRun})}),(0,d.jsx)(`td`,{className:e.lastError?`field-error`:`muted`,children:e.lastError??`none`}),(0,d.jsx)(`td`,{children:(0,d.jsx)(`button`,{type:`button`,className:`small`,onClick:()=>v(e.name),disabled:s!==null,"aria-label":`Run ${e.name} now`,children:s===e.name?`Running…`:`Run now`})})]},e.name))})]})})]})}export{m as default};